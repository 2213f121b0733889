// Add or change a person or organisation who helps: kind, languages, topics, how to reach
// them, and "how I can help" per language.
import { useEffect, useState } from "preact/hooks";
import { api, useApi } from "../lib/api.js";
import { lang, t } from "../lib/i18n.js";
import { LANGUAGES, codesFirst, languageName } from "../lib/languages.js";
import { useSession } from "../lib/session.js";
import { useSubmit } from "../lib/submit.js";
import { navigate } from "../router.js";
import { MunicipalityField, orNone } from "./MunicipalityField.jsx";
import { Button, Chip, ErrorNote, LanguageTabs, Loading, Page, Section, SelectField, TextField, Toggle } from "../ui/kit.jsx";
import { TabStatusNote, TranslateMissing, fillEmpty, useMachineTranslation } from "../ui/MachineTranslation.jsx";

const REACH = ["phone", "whatsapp", "email", "website", "address", "opening_hours"];
const EMPTY = { kind: "youth_worker", name: "", organisation: "", languages: [], topics: [],
  lived_experience: false, original_language: "nl", help_texts: {}, municipality_id: "",
  ...Object.fromEntries(REACH.map((name) => [name, ""])) };

function fromContact(c) {
  return { ...EMPTY, kind: c.kind, name: c.name, organisation: c.organisation || "",
    languages: c.languages, topics: c.topics, lived_experience: c.lived_experience,
    original_language: c.original_language || "nl", help_texts: c.help_texts || {},
    help_marks: c.help_translations || {},
    ...Object.fromEntries(REACH.map((name) => [name, c.reach?.[name] || ""])) };
}

function toBody(form, { isNew, isAdmin }) {
  const orNull = (value) => (value.trim() ? value.trim() : null);
  const where = isNew && isAdmin ? { municipality_id: orNone(form.municipality_id) } : {};
  return { ...where, kind: form.kind, name: form.name.trim(), organisation: orNull(form.organisation),
    languages: form.languages, topics: form.topics, lived_experience: form.lived_experience,
    original_language: form.original_language,
    help_texts: Object.fromEntries(Object.entries(form.help_texts).map(([code, text]) => [code, orNull(text || "")])),
    ...Object.fromEntries(REACH.map((name) => [name, orNull(form[name])])) };
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
  const isAdmin = useSession().user?.role === "admin";
  const existing = useApi(id ? `/contacts/${id}` : null);
  const kinds = useApi("/contacts/kinds");
  const topics = useApi("/topics", { cache: true });
  const [form, setForm] = useState(null);
  const { busy, error, submit } = useSubmit(async () => {
    await api(id ? `/contacts/${id}` : "/contacts", { method: id ? "PATCH" : "POST", body: toBody(form, { isNew: !id, isAdmin }) });
    navigate("/staff/contacts", { replace: true });
  });
  useEffect(() => {
    if (!id) setForm({ ...EMPTY, original_language: lang() });
    else if (existing.data) setForm(fromContact(existing.data));
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
        <SelectField label={t("Kind of contact")} value={form.kind} onValue={set("kind")} error={fields.kind}
          options={(kinds.data || []).map((k) => ({ value: k.slug, label: k.label }))} />
        {field("name", t("Name"), { name: "name" })}
        {isAdmin && !id && (
          <MunicipalityField nationwide value={form.municipality_id} onValue={set("municipality_id")}
            error={fields.municipality_id} />
        )}
        {field("organisation", t("Organisation"))}
        <fieldset class="chips">
          <legend>{t("Languages they speak")}</legend>
          {LANGUAGES.map((l) => (
            <Chip key={l.code} pressed={form.languages.includes(l.code)}
              onClick={() => set("languages")(flip(form.languages, l.code))}><span lang={l.code}>{l.name}</span></Chip>
          ))}
        </fieldset>
        <fieldset class="chips">
          <legend>{t("Helps with")}</legend>
          {(topics.data || []).map((topic) => (
            <Chip key={topic.slug} data-topic={topic.slug} pressed={form.topics.includes(topic.slug)}
              onClick={() => set("topics")(flip(form.topics, topic.slug))}>{topic.label}</Chip>
          ))}
        </fieldset>
        <Toggle label={t("Was new here once too")} checked={form.lived_experience} onChange={set("lived_experience")} />
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
        <ErrorNote error={error} />
        <Button type="submit" busy={busy}>{t("Save")}</Button>
      </form>
    </Page>
  );
}
