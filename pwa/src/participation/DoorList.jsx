import { useState } from "preact/hooks";
import { generate } from "lean-qr";
import { toSvgDataURL } from "lean-qr/extras/svg";
import { useApi } from "../lib/api.js";
import { formatDateTime, t, tn } from "../lib/i18n.js";
import { Button, Empty, ErrorNote, Loading, Page, Section } from "../ui/kit.jsx";
import { Bar } from "./Bars.jsx";
import { sendCheckin } from "./send.js";

function CodeCard({ id }) {
  const { data } = useApi(`/activities/${id}/checkin-code`);
  if (!data) return <Loading />;
  return (
    <div class="card checkin-code">
      <img src={toSvgDataURL(generate(data.qr), { on: "black", off: "white" })}
        alt={t("Scan the QR code")} data-qr={data.qr} />
      <p>{t("Short code")}: <strong class="big-code" dir="ltr">{data.code}</strong></p>
      <p class="hint">{t("Valid until {date}", { date: formatDateTime(data.valid_until) })}</p>
    </div>
  );
}

function Person({ person, id, onHere }) {
  const [state, setState] = useState({});
  const tap = async (helped) => {
    setState({ busy: true });
    try {
      const result = await sendCheckin(`/activities/${id}/checkins`,
                                       { user_id: person.user_id, helped },
                                       `${id}:${person.user_id}:${helped}`);
      setState(result);
      onHere(person.user_id, helped);
    } catch (error) { setState({ error }); }
  };
  return (
    <li class="door-person">
      <span><bdi>{person.display_name}</bdi>{person.walk_in && <> · {t("Walk-in")}</>}</span>
      {person.here ? <strong data-here>{t("Here")}</strong>
        : <Button kind="secondary" busy={state.busy} icon="check" onClick={() => tap(false)}
            data-action="here">{t("Here")}</Button>}
      {person.here && (person.helped ? <span class="hint">{t("Helped organise")}</span>
        : <Button kind="secondary" busy={state.busy} onClick={() => tap(true)}
            data-action="helped">{t("Helped organise")}</Button>)}
      {state.queued && <span class="hint">{t("You are offline. Your check-in will be sent when you are online again.")}</span>}
      <ErrorNote error={state.error} />
    </li>
  );
}

function Turnout({ id }) {
  const { data } = useApi(`/activities/${id}/turnout`);
  if (!data || data.length < 2) return null;
  return (
    <Section title={t("Turnout over the series")}>
      {data.filter((o) => o.past).map((o) => (
        <Bar key={o.activity_id} label={formatDateTime(o.starts_at)} value={o.here}
          max={Math.max(o.signed_up, o.here, 1)}
          text={t("{here} of {signed_up} here", { here: o.here, signed_up: o.signed_up })} />
      ))}
    </Section>
  );
}

export default function DoorList({ params }) {
  const id = Number(params.id);
  const { data, error, setData } = useApi(`/activities/${id}/checkins`);
  const here = data?.filter((p) => p.here).length || 0;
  const mark = (userId, helped) => setData(data.map((p) => (p.user_id === userId
    ? { ...p, here: true, helped: p.helped || helped } : p)));
  return (
    <Page title={t("Check-in")} back={`/activities/${id}`}>
      <CodeCard id={id} />
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data?.length === 0 && <Empty>{t("Nobody has signed up yet.")}</Empty>}
      {data?.length > 0 && <>
        <p>{tn("{count} person is here", "{count} people are here", here)}</p>
        <ul class="door-list">
          {data.map((p) => <Person key={p.user_id} person={p} id={id} onHere={mark} />)}
        </ul>
      </>}
      <Turnout id={id} />
    </Page>
  );
}
