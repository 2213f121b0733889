// Add or change a person or organisation who helps: kind, languages, topics, how to reach
// them, "how I can help" per language, and (staff only) their VOG check. Someone linked to
// the entry without staff rights over it changes only texts, reach and opening hours.
import { useEffect, useState } from "preact/hooks";
import { api, useApi } from "../lib/api.js";
import { lang, t } from "../lib/i18n.js";
import { LANGUAGES, codesFirst, languageName } from "../lib/languages.js";
import { currentUser } from "../lib/session.js";
import { useAction } from "../lib/action.js";
import { navigate } from "../router.js";
import { MunicipalityField, orNone } from "./MunicipalityField.jsx";
import { SCREENING_STATUS } from "./screening.js";
import { Button, Chip, ErrorNote, LanguageTabs, Loading, Page, Section, SelectField, TextField, Toggle } from "../ui/kit.jsx";
import { TabStatusNote, TranslateMissing, fillEmpty, useMachineTranslation } from "../ui/MachineTranslation.jsx";

const REACH = ["phone", "whatsapp", "email", "website", "address", "opening_hours"];
// What the person linked to an entry may change themselves (contacts/policy.py OWN_FIELDS).
const OWN = new Set(["help_texts", "original_language", "languages", ...REACH]);
const EMPTY = { kind: "youth_worker", name: "", organisation: "", languages: [], topics: [],
  lived_experience: false, original_language: "nl", help_texts: {}, municipality_id: "",
  checked_on: "", valid_until: "", ...Object.fromEntries(REACH.map((name) => [name, ""])) };

function fromContact(c) {
  return { ...EMPTY, kind: c.kind, name: c.name, organisation: c.organisation || "",
    languages: c.languages, topics: c.topics, lived_experience: c.lived_experience,
    original_language: c.original_language || "nl", help_texts: c.help_texts || {},
    help_marks: c.help_translations || {},
    checked_on: c.screening?.checked_on || "", valid_until: c.screening?.valid_until || "",
    ...Object.fromEntries(REACH.map((name) => [name, c.reach?.[name] || ""])) };
}

function toBody(form, { isNew, isAdmin, manage, recordCheck, loaded }) {
  const orNull = (value) => (value.trim() ? value.trim() : null);
  const where = isNew && isAdmin ? { municipality_id: orNone(form.municipality_id) } : {};
  const body = { ...where, kind: form.kind, name: form.name.trim(), organisation: orNull(form.organisation),
    languages: form.languages, topics: form.topics, lived_experience: form.lived_experience,
    original_language: form.original_language,
    help_texts: Object.fromEntries(Object.entries(form.help_texts).map(([code, text]) => [code, orNull(text || "")])),
    ...Object.fromEntries(REACH.map((name) => [name, orNull(form[name])])) };
  // The check is sent only when it changed: every change is recorded with who made it.
  const check = form.checked_on || form.valid_until
    ? { checked_on: form.checked_on, valid_until: form.valid_until } : null;
  if (recordCheck && (form.checked_on !== loaded.checked_on || form.valid_until !== loaded.valid_until)) {
    body.screening = check;
  }
  return manage ? body : Object.fromEntries(Object.entries(body).filter(([name]) => OWN.has(name)));
}

/** Staff only: when the VOG was checked and until when; who recorded it. */
function Screening({ form, setForm, screening, errors, ownEntry }) {
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const state = screening?.status;
  return (
    <Section title={t("VOG (Certificate of Conduct)")} id="screening">
      {state && (
        <div class={`note ${screening.needed ? "note-error" : state === "checked" && !screening.ends_soon ? "note-ok" : ""}`}
          role="status">
          <p><strong>{SCREENING_STATUS[state]?.()}</strong></p>
          {screening.needed && <p>{t("This contact receives no questions in the app until a check is recorded.")}</p>}
          {screening.ends_soon && <p>{t("The check ends within a month.")}</p>}
          {screening.checked_by && <p>{t("Recorded by {name}.", { name: screening.checked_by.name })}</p>}
        </div>
      )}
      {ownEntry ? (
        <p class="note">{t("Someone else on the staff records your own VOG check.")}</p>
      ) : (
        <>
          <TextField type="date" dir="ltr" label={t("VOG checked on")} value={form.checked_on}
            onValue={set("checked_on")} error={errors?.checked_on} />
          <TextField type="date" dir="ltr" label={t("Check valid until")} value={form.valid_until}
            onValue={set("valid_until")} error={errors?.valid_until}
            hint={t("Leave both dates empty to remove the check.")} />
        </>
      )}
    </Section>
  );
}

const flip = (list, value) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

// The machine translation works on named fields; a contact has one text per language.
const asFields = (helpTexts) => Object.fromEntries(Object.entries(helpTexts)
  .map(([code, text]) => [code, { help_text: text }]));
const fromFields = (texts) => Object.fromEntries(Object.entries(texts)
  .map(([code, fields]) => [code, fields.help_text]));

function HelpTexts({ form, setForm, errors }) {
  const [active, setActive] = useState(form.original_language);
  const order = codesFirst(form.original_language);
  const machine = useMachineTranslation({ kind: "contact", source: form.original_language,
    texts: asFields(form.help_texts), loaded: form.help_marks,
    fill: (translations) => setForm((f) => ({ ...f,
      help_texts: fromFields(fillEmpty(asFields(f.help_texts), translations)) })) });
  const write = (value) => {
    machine.edited(active);
    setForm({ ...form, help_texts: { ...form.help_texts, [active]: value } });
  };
  return (
    <Section title={t("How I can help")} id="help">
      <LanguageTabs codes={order} active={active} onSelect={setActive} filled={(code) => form.help_texts[code]}
        status={machine.status} idPrefix="htab">
        <TabStatusNote mark={machine.mark(active)} />
        <TextField multiline label={t("How I can help ({language})", { language: languageName(active) })} lang={active}
          value={form.help_texts[active] || ""} error={errors?.[active]} onValue={write} />
      </LanguageTabs>
      <TranslateMissing machine={machine} />
    </Section>
  );
}

export default function ContactEditor({ params }) {
  const id = params.id ? Number(params.id) : null;
  const me = currentUser.value;
  const isAdmin = me?.role === "admin";
  const existing = useApi(id ? `/contacts/${id}` : null);
  const kinds = useApi("/contacts/kinds");
  const topics = useApi("/topics", { cache: true });
  const [form, setForm] = useState(null);
  const [loaded, setLoaded] = useState({ checked_on: "", valid_until: "" });
  // Staff rights over every field (a new entry: yes); the linked person only has own texts.
  const manage = !id || Boolean(existing.data?.can_manage);
  const ownEntry = Boolean(id && me && existing.data?.user_id === me.id);
  const { busy, error, submit } = useAction(async () => {
    await api(id ? `/contacts/${id}` : "/contacts", { method: id ? "PATCH" : "POST",
      body: toBody(form, { isNew: !id, isAdmin, manage, recordCheck: manage && !ownEntry, loaded }) });
    navigate("/staff/contacts", { replace: true });
  });
  useEffect(() => {
    if (!id) setForm({ ...EMPTY, original_language: lang() });
    else if (existing.data) {
      const form = fromContact(existing.data);
      setForm(form);
      setLoaded({ checked_on: form.checked_on, valid_until: form.valid_until });
    }
  }, [id, existing.data]);
  const title = id ? t("Edit contact") : t("New contact");
  if (!form) return <Page title={title} back="/staff/contacts">{existing.error ? <ErrorNote error={existing.error} /> : <Loading />}</Page>;
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const fields = error?.fields || {};
  const field = (name, label, props = {}) => (
    <TextField label={label} value={form[name]} onValue={set(name)} error={fields[name]} {...props} />
  );
  return (
    <Page title={title} back="/staff/contacts">
      <form onSubmit={submit} noValidate>
        {!manage && (
          <p class="note" role="status">
            {t("You can change your texts, how to reach you and your opening hours. Staff change the rest.")}
          </p>
        )}
        {manage && <>
          <SelectField label={t("Kind of contact")} value={form.kind} onValue={set("kind")} error={fields.kind}
            options={(kinds.data || []).map((k) => ({ value: k.slug, label: k.label }))} />
          {field("name", t("Name"), { name: "name" })}
          {isAdmin && !id && (
            <MunicipalityField nationwide value={form.municipality_id} onValue={set("municipality_id")}
              error={fields.municipality_id} />
          )}
          {field("organisation", t("Organisation"))}
        </>}
        <fieldset class="chips">
          <legend>{t("Languages they speak")}</legend>
          {LANGUAGES.map((l) => (
            <Chip key={l.code} pressed={form.languages.includes(l.code)}
              onClick={() => set("languages")(flip(form.languages, l.code))}><span lang={l.code}>{l.name}</span></Chip>
          ))}
        </fieldset>
        {manage && <>
          <fieldset class="chips">
            <legend>{t("Helps with")}</legend>
            {(topics.data || []).map((topic) => (
              <Chip key={topic.slug} data-topic={topic.slug} pressed={form.topics.includes(topic.slug)}
                onClick={() => set("topics")(flip(form.topics, topic.slug))}>{topic.label}</Chip>
            ))}
          </fieldset>
          <Toggle label={t("Was new here once too")} checked={form.lived_experience} onChange={set("lived_experience")} />
        </>}
        {field("phone", t("Phone number"), { type: "tel", dir: "ltr" })}
        {field("whatsapp", "WhatsApp", { type: "tel", dir: "ltr" })}
        {field("email", t("E-mail"), { type: "email", dir: "ltr" })}
        {field("website", t("Website"), { type: "url", dir: "ltr" })}
        {field("address", t("Address"))}
        {field("opening_hours", t("Opening hours"))}
        <SelectField label={t("Original language")} value={form.original_language}
          onValue={set("original_language")} error={fields.original_language}
          options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))} />
        <HelpTexts form={form} setForm={setForm} errors={fields.help_texts} />
        {manage && (
          <Screening form={form} setForm={setForm} screening={existing.data?.screening}
            errors={fields.screening} ownEntry={ownEntry} />
        )}
        <ErrorNote error={error} />
        <Button type="submit" busy={busy}>{t("Save")}</Button>
      </form>
    </Page>
  );
}
