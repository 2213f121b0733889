import { useState } from "preact/hooks";
import { useAction } from "../lib/action.js";
import { api, isUnreachable, useApi } from "../lib/api.js";
import { t, tn } from "../lib/i18n.js";
import { languageName } from "../lib/languages.js";
import { dismissRefused, enqueue, newKey } from "../lib/queue.js";
import { pending as waitingItems, refused as refusedItems } from "../lib/queue-state.js";
import { currentUser, updateMe } from "../lib/session.js";
import { Icon } from "../ui/icons.jsx";
import { Button, ButtonLink, ErrorNote, Loading, Page, ReadAloud, Toggle, UserText } from "../ui/kit.jsx";
import { LocalizedText, useOriginal } from "../ui/Translated.jsx";
import { SupportLink } from "../funds/SupportLink.jsx";
import { SignupBadge, StatusBadge, costLine, transportLine, when } from "./parts.jsx";

export const plainText = (html) => new DOMParser().parseFromString(html || "", "text/html")
  .body.textContent.trim();

function mapLink(a) {
  if (a.latitude != null && a.longitude != null) {
    return `https://www.openstreetmap.org/?mlat=${a.latitude}&mlon=${a.longitude}#map=17/${a.latitude}/${a.longitude}`;
  }
  const where = [a.venue_name, a.venue_address].filter(Boolean).join(", ");
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(where)}`;
}

function DutchAlongside({ id }) {
  const { data } = useApi(`/activities/${id}?lang=nl`, { cache: true });
  if (!data) return <Loading />;
  return (
    <div lang="nl">
      <h2>{t("In Dutch")}</h2>
      <h3><UserText text={data.text.title} language="nl" /></h3>
      <UserText as="div" class="description" html text={data.text.description} language="nl" />
    </div>
  );
}

function SignupButtons({ activity, onChange }) {
  const user = currentUser.value;
  const pending = waitingItems.value.find((p) => p.activityId === activity.id);
  const refused = refusedItems.value.find((p) => p.activityId === activity.id);
  const { busy, error, run: act } = useAction(async (kind) => {
    const item = { kind, activityId: activity.id, method: kind === "signup" ? "POST" : "DELETE",
                   path: `/activities/${activity.id}/signup` };
    await dismissRefused(activity.id);
    // One key for the attempt now and any later one: the server counts the effect once.
    const key = newKey();
    try {
      if (!navigator.onLine) throw Object.assign(new Error("offline"), { status: 0 });
      const result = await api(item.path, { method: item.method, idempotencyKey: key });
      onChange(result.status);
    } catch (err) {
      // Offline or unreachable: queued and sent later (the note above says so), not an error.
      if (!isUnreachable(err)) throw err;
      await enqueue({ ...item, key, unreachable: err.status !== 0 });
    }
  });
  if (user?.role !== "youth") return null;
  const open = activity.status === "published";
  const going = activity.my_signup === "confirmed" || activity.my_signup === "waitlisted";
  const wantsGoing = pending ? pending.kind === "signup" : going;
  return (
    <div>
      {pending && (
        <p class="note note-offline" role="status">
          {pending.unreachable
            ? (pending.kind === "signup"
              ? t("Meedoen is not reachable right now. Your sign-up will be sent as soon as it is.")
              : t("Meedoen is not reachable right now. Your cancellation will be sent as soon as it is."))
            : (pending.kind === "signup"
              ? t("You are offline. Your sign-up will be sent when you are online again.")
              : t("You are offline. Your cancellation will be sent when you are online again."))}
        </p>
      )}
      {refused && !pending && (
        <div class="note note-error" role="alert" data-refused={refused.kind}>
          <p>
            {refused.kind === "signup"
              ? t("Your sign-up from when you were offline did not go through. You are not signed up for this activity.")
              : t("Your cancellation from when you were offline did not go through. Check here whether you are still signed up.")}
          </p>
          {refused.refused.message && <p><UserText text={refused.refused.message} /></p>}
          <p>{open ? t("Try again below, or ask your mentor for help.")
                   : t("Ask your mentor for help, or choose another activity.")}</p>
          <Button kind="secondary" data-action="dismiss-refused"
            onClick={() => dismissRefused(activity.id)}>{t("OK, I understand")}</Button>
        </div>
      )}
      <ErrorNote error={error} />
      {open && <div class="btn-row">
        {wantsGoing
          ? <Button kind="danger" data-action="cancel" busy={busy} onClick={() => act("cancel")}>{t("Cancel my sign-up")}</Button>
          : <Button busy={busy} data-action="signup" icon="check" onClick={() => act("signup")}>
              {activity.spots_left === 0 ? t("Join the waiting list") : t("Sign me up")}
            </Button>}
      </div>}
    </div>
  );
}

function GoTogether({ activity }) {
  const user = currentUser.value;
  if (user?.role !== "youth") return null;
  const names = activity.going_together || [];
  return (
    <section class="section" aria-labelledby="together">
      <h2 id="together">{t("Go together")}</h2>
      {names.length > 0
        ? <p>{t("Also going:")} {names.map((n, i) => <span key={i}>{i > 0 && ", "}<bdi>{n}</bdi></span>)}</p>
        : <p>{t("Nobody has said yet that they are going.")}</p>}
      <Toggle label={t("Show others that I am going")} checked={user.show_as_going}
        hint={t("Other young people then see your name here, so you can go together.")}
        onChange={(on) => updateMe({ show_as_going: on })} />
    </section>
  );
}

export default function ActivityDetail({ params }) {
  const id = Number(params.id);
  const { data: a, error, offline, setData } = useApi(`/activities/${id}`, { cache: true });
  const [alongside, setAlongside] = useState(false);
  const original = useOriginal(a?.text);
  const text = original.shown;
  if (error) return <Page title={t("Activity")} back="/activities"><ErrorNote error={error} /></Page>;
  if (!a) return <Page title={t("Activity")} back="/activities"><Loading /></Page>;
  const manage = Boolean(a.texts);
  const description = plainText(text.description);
  return (
    <Page title={text.title} titleLang={text.language} back="/activities" offline={offline}>
      <p class="meta"><StatusBadge status={a.status} /><SignupBadge status={a.my_signup} /></p>
      {a.status === "cancelled" && <p class="note note-error">{t("This activity is cancelled.")}</p>}
      <LocalizedText text={a.text} original={original} field="description" as="div" class="description" html />
      <ReadAloud text={`${text.title}. ${description}`} language={text.language} />
      {text.language !== "nl" && text.available_languages?.includes("nl") && (
        <Toggle label={t("Show the Dutch text next to it")} checked={alongside} onChange={setAlongside} />
      )}
      {alongside && <div class="side-by-side"><DutchAlongside id={id} /></div>}
      <ul class="meta card-list">
        <li><span><Icon name="clock" />{when(a)}</span></li>
        <li><span><Icon name="pin" /><UserText text={a.venue_name} />{a.venue_address && <>, <UserText text={a.venue_address} /></>}</span></li>
        <li><span><Icon name="euro" />{costLine(a)}</span>{a.support_note && <> — <UserText text={a.support_note} /></>}</li>
        <SupportLink activity={a} />
        {transportLine(a) && <li><span><Icon name="bus" />{transportLine(a)}</span></li>}
        {a.languages?.length > 0 && (
          <li><span><Icon name="chat" />{t("Languages spoken: {languages}",
            { languages: a.languages.map(languageName).join(", ") })}</span></li>
        )}
        {a.beginner_friendly && <li><span><Icon name="star" />{t("Beginners welcome")}</span></li>}
        <li><span><Icon name="people" />
          {tn("{count} person is going", "{count} people are going", a.going)}
          {a.spots_left != null && <> · {tn("{count} place left", "{count} places left", a.spots_left)}</>}
        </span></li>
        {a.organiser && <li><span><Icon name="briefcase" /><UserText text={a.organiser} /></span></li>}
        {a.contact_name && (
          <li><span><Icon name="phone" /><UserText text={a.contact_name} />
            {a.contact_phone && <> · <a href={`tel:${a.contact_phone.replace(/[^0-9+]/g, "")}`} dir="ltr">{a.contact_phone}</a></>}
          </span></li>
        )}
      </ul>
      <SignupButtons activity={a} onChange={(status) => setData({ ...a, my_signup: status,
        going: a.going + (status === "confirmed" ? 1 : a.my_signup === "confirmed" ? -1 : 0) })} />
      <div class="btn-row">
        <ButtonLink kind="secondary" icon="calendar" href={`/api/v1/activities/${id}/ics`} download={`meedoen-${id}.ics`}>
          {t("Add to my calendar")}
        </ButtonLink>
        <ButtonLink kind="secondary" icon="pin" href={mapLink(a)} target="_blank" rel="noopener noreferrer">
          {t("Show on a map")}
        </ButtonLink>
      </div>
      <GoTogether activity={a} />
      {manage && (
        <div class="btn-row">
          <ButtonLink href={`/staff/activities/${id}/edit`} kind="secondary">{t("Edit")}</ButtonLink>
          <ButtonLink href={`/staff/activities/${id}/signups`} kind="secondary" icon="people">{t("Who signed up")}</ButtonLink>
        </div>
      )}
    </Page>
  );
}
