// Does every young person have people? Who has fewer than three, or nobody who speaks their
// language — and add one of the contacts here to their people on the spot.
import { useState } from "preact/hooks";
import { api, query, useApi } from "../lib/api.js";
import { formatShare as share, t, tn } from "../lib/i18n.js";
import { languageName } from "../lib/languages.js";
import { useAction } from "../lib/action.js";
import { usePages } from "../lib/pages.js";
import { Icon } from "../ui/icons.jsx";
import { Button, Empty, ErrorNote, Loading, Page, Section, SelectField, TextField } from "../ui/kit.jsx";

const speaksWith = (youth, contact) => contact.languages.some((code) => youth.languages.includes(code));

/** Choose one of the contacts loaded so far (those who speak their language first); "Show more"
 * loads the next page of the list. */
function Picker({ youth, list, onAdded }) {
  const [choice, setChoice] = useState("");
  const { busy, error, submit } = useAction(async () => {
    if (!choice) return;
    await api("/assignments", { method: "POST", body: { youth_id: youth.id, contact_id: Number(choice) } });
    onAdded();
  });
  const ordered = [...(list.items || [])].sort((a, b) => speaksWith(youth, b) - speaksWith(youth, a));
  const options = [{ value: "", label: t("Choose a person") }, ...ordered.map((c) => ({
    value: String(c.id),
    label: `${c.name} · ${c.languages.map(languageName).join(", ")}`,
  }))];
  return (
    <form onSubmit={submit}>
      <SelectField label={t("Add a person")} value={choice} onValue={setChoice} options={options} />
      {list.more && (
        <Button kind="secondary" busy={list.loading} onClick={list.loadMore}>{t("Show more")}</Button>
      )}
      <ErrorNote error={error || list.error} />
      <Button type="submit" kind="secondary" icon="plus" busy={busy}>{t("Add")}</Button>
    </form>
  );
}

function Searched({ search, ...props }) {
  return <Picker list={usePages("/contacts" + query({ q: search }))} {...props} />;
}

/** The contacts here (one list for every card), or those whose name matches a search. */
function AddPerson({ youth, contacts, onAdded }) {
  const [q, setQ] = useState("");
  const [search, setSearch] = useState("");
  return (
    <div class="add-person">
      <form role="search" onSubmit={(e) => { e.preventDefault(); setSearch(q.trim()); }}>
        <TextField label={t("Search")} type="search" value={q} onValue={setQ} />
      </form>
      {search
        ? <Searched key={search} search={search} youth={youth} onAdded={onAdded} />
        : <Picker youth={youth} list={contacts} onAdded={onAdded} />}
    </div>
  );
}

function YouthCard({ youth, contacts, onAdded }) {
  return (
    <li class="card" data-youth={youth.id}>
      <h3><bdi>{youth.display_name}</bdi></h3>
      <p class="meta">
        {youth.location && <span><Icon name="house" /><bdi>{youth.location.name}</bdi></span>}
        <span><Icon name="people" />{tn("{count} person", "{count} people", youth.people)}</span>
        <span><Icon name="globe" />{youth.languages.map(languageName).join(", ")}</span>
      </p>
      <p>
        {youth.fewer_than_three && <span class="badge badge-warn">{t("Fewer than three people")}</span>}{" "}
        {!youth.speaks_language && <span class="badge badge-bad">{t("Nobody speaks their language")}</span>}
      </p>
      <AddPerson youth={youth} contacts={contacts} onAdded={onAdded} />
    </li>
  );
}

export default function Coverage() {
  const { data, error, reload } = useApi("/contacts/coverage");
  const contacts = usePages("/contacts?limit=100");
  return (
    <Page title={t("People per young person")} back="/staff/activities">
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data && (
        <>
          <dl class="stats">
            <div><dt>{t("Young people")}</dt><dd data-stat="total">{data.youth_total}</dd></div>
            <div><dt>{t("With three or more people")}</dt><dd data-stat="three">{share(data.share_three_or_more)}</dd></div>
            <div><dt>{t("With someone who speaks their language")}</dt><dd data-stat="language">{share(data.share_language_match)}</dd></div>
          </dl>
          <Section title={t("Needs attention")} id="attention">
            {data.needs_attention.length === 0
              ? <Empty>{t("Everyone has at least three people, and someone who speaks their language.")}</Empty>
              : (
                <ul class="card-list">
                  {data.needs_attention.map((youth) => (
                    <YouthCard key={youth.id} youth={youth} contacts={contacts} onAdded={reload} />
                  ))}
                </ul>
              )}
          </Section>
        </>
      )}
    </Page>
  );
}
