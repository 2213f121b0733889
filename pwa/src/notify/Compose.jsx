import { useEffect, useState } from "preact/hooks";
import { api, useApi } from "../lib/api.js";
import { fromLocalInput } from "../lib/amsterdam.js";
import { formatDateTime, t, tn } from "../lib/i18n.js";
import { LANGUAGES, languageName } from "../lib/languages.js";
import { useAction } from "../lib/action.js";
import { usePages } from "../lib/pages.js";
import { navigate } from "../router.js";
import { useCategories } from "../settings/InterestPicker.jsx";
import { Button, Chip, ErrorNote, LanguageTabs, Page, Section, SelectField, TextField, Toggle } from "../ui/kit.jsx";
import { TabStatusNote, TranslateMissing, fillEmpty, useMachineTranslation } from "../ui/MachineTranslation.jsx";

const toggle = (list, value) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

function Audience({ audience, setAudience }) {
  const categories = useCategories();
  const locations = useApi("/locations");
  const [count, setCount] = useState(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      api("/notifications/recipients", { method: "POST", body: { audience } })
        .then((r) => setCount(r.count)).catch(() => setCount(null));
    }, 300);
    return () => clearTimeout(timer);
  }, [JSON.stringify(audience)]);
  const flip = (name, value) => setAudience({ ...audience, [name]: toggle(audience[name], value) });
  return (
    <Section title={t("Who gets it")} id="audience">
      <p class="hint">{t("Nothing chosen means: all young people in your municipality.")}</p>
      {locations.data?.length > 0 && (
        <fieldset class="chips"><legend>{t("Locations")}</legend>
          {locations.data.map((l) => (
            <Chip key={l.id} pressed={audience.location_ids.includes(l.id)} onClick={() => flip("location_ids", l.id)}>
              <bdi>{l.name}</bdi>
            </Chip>
          ))}
        </fieldset>
      )}
      <fieldset class="chips"><legend>{t("Interests")}</legend>
        {(categories.data || []).map((c) => (
          <Chip key={c.slug} pressed={audience.interests.includes(c.slug)} onClick={() => flip("interests", c.slug)}>{c.label}</Chip>
        ))}
      </fieldset>
      <fieldset class="chips"><legend>{t("Languages they speak")}</legend>
        {LANGUAGES.map((l) => (
          <Chip key={l.code} pressed={audience.languages.includes(l.code)} onClick={() => flip("languages", l.code)}>
            <span lang={l.code}>{l.name}</span>
          </Chip>
        ))}
      </fieldset>
      <p class="note" role="status" aria-live="polite">
        {count == null ? t("Counting…") : tn("{count} young person will get this message.",
          "{count} young people will get this message.", count)}
      </p>
    </Section>
  );
}

/** An activity or a contact the message opens; value "activity:12", "contact:3" or "". */
function LinkPicker({ value, onValue, error }) {
  const activities = useApi("/activities?status=published&limit=50");
  const contacts = usePages("/contacts?limit=100");
  const groups = [
    { label: t("Activities"), options: (activities.data?.items || []).map((a) => ({
      value: `activity:${a.id}`, label: `${a.text.title} · ${formatDateTime(a.starts_at)}` })) },
    { label: t("People who help"), options: (contacts.items || []).map((c) => ({
      value: `contact:${c.id}`, label: c.organisation ? `${c.name} (${c.organisation})` : c.name })) },
  ].filter((group) => group.options.length > 0);
  return (
    <>
      <SelectField label={t("Link (optional)")} hint={t("Young people can open it straight from the message.")}
        value={value} onValue={onValue} error={error} options={[{ value: "", label: t("No link") }, ...groups]} />
      {contacts.more && (
        <Button kind="secondary" busy={contacts.loading} onClick={contacts.loadMore} data-more="contacts">{t("Show more")}</Button>
      )}
    </>
  );
}

const asLink = (value) => {
  const [kind, id] = value.split(":");
  return value ? { link: { kind, id: Number(id) } } : {};
};

export default function Compose() {
  const [texts, setTexts] = useState({ nl: { title: "", body: "" } });
  const [active, setActive] = useState("nl");
  const [audience, setAudience] = useState({ location_ids: [], interests: [], languages: [] });
  const [later, setLater] = useState(false);
  const [sendAt, setSendAt] = useState("");
  const [urgent, setUrgent] = useState(false);
  const [reason, setReason] = useState("");
  const [link, setLink] = useState("");
  const machine = useMachineTranslation({ kind: "notification", source: "nl", texts,
    fill: (translations) => setTexts((current) => fillEmpty(current, translations)) });
  const text = texts[active] || { title: "", body: "" };
  const setText = (name) => (value) => {
    machine.edited(active);
    setTexts({ ...texts, [active]: { ...text, [name]: value } });
  };
  const { busy, error, submit: send } = useAction(async () => {
    const filled = Object.entries(texts).filter(([, v]) => v.title.trim() || v.body.trim())
      .map(([code, v]) => ({ lang: code, title: v.title, body: v.body }));
    const sent = await api("/notifications", { method: "POST", body: {
      texts: filled, audience, urgent, ...(urgent ? { urgent_reason: reason } : {}), ...asLink(link),
      ...(later && sendAt ? { send_at: fromLocalInput(sendAt) } : {}) } });
    navigate(`/notify/${sent.id}`, { replace: true });
  });
  const fieldErrors = error?.fields || {};
  const textErrors = typeof fieldErrors.texts === "object" && !Array.isArray(fieldErrors.texts) ? fieldErrors.texts : {};
  const index = Object.keys(texts).filter((c) => texts[c].title.trim() || texts[c].body.trim()).indexOf(active);
  const activeErrors = textErrors[index] || {};
  return (
    <Page title={t("Write a new message")} back="/notify">
      <form onSubmit={send} noValidate>
        <Section title={t("Message")} id="message">
          <p class="hint">{t("Dutch is required. Young people get their own language if you wrote it, else Dutch.")}</p>
          <LanguageTabs codes={LANGUAGES.map((l) => l.code)} active={active} onSelect={setActive}
            filled={(code) => texts[code]?.title} status={machine.status} idPrefix="ntab">
            <TabStatusNote mark={machine.mark(active)} />
            <TextField label={t("Title ({language})", { language: languageName(active) })} lang={active}
              value={text.title} onValue={setText("title")} maxLength={120} error={activeErrors.title} />
            <TextField multiline label={t("Text ({language})", { language: languageName(active) })} lang={active}
              value={text.body} onValue={setText("body")} maxLength={1000} error={activeErrors.body} />
          </LanguageTabs>
          <TranslateMissing machine={machine} />
          {Array.isArray(fieldErrors.texts) && <p class="error-text">{fieldErrors.texts.join(" ")}</p>}
          <LinkPicker value={link} onValue={setLink} error={fieldErrors.link && Object.values(fieldErrors.link).flat().join(" ")} />
        </Section>
        <Audience audience={audience} setAudience={setAudience} />
        <Section title={t("When")} id="when">
          <Toggle label={t("Send later")} checked={later} onChange={setLater} />
          {later && <TextField label={t("Send at")} type="datetime-local" value={sendAt} onValue={setSendAt} dir="ltr" error={fieldErrors.send_at} />}
          <Toggle label={t("Urgent (also during quiet hours)")} checked={urgent} onChange={setUrgent} />
          {urgent && <TextField label={t("Why can this not wait?")} value={reason} onValue={setReason}
            hint={t("An urgent message also arrives at night. Use it only when it really cannot wait: you can send a few a day.")}
            maxLength={200} required error={fieldErrors.urgent_reason} />}
        </Section>
        <ErrorNote error={error} />
        <Button type="submit" icon="send" busy={busy}>{later ? t("Plan this message") : t("Send now")}</Button>
      </form>
    </Page>
  );
}
