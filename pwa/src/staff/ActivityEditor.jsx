import { useEffect, useState } from "preact/hooks";
import { api, useApi } from "../lib/api.js";
import { fromLocalInput, toLocalInput } from "../lib/amsterdam.js";
import { lang, t } from "../lib/i18n.js";
import { LANGUAGES, codesFirst, languageName } from "../lib/languages.js";
import { currentUser } from "../lib/session.js";
import { useAction } from "../lib/action.js";
import { navigate } from "../router.js";
import { MunicipalityField, orNone } from "./MunicipalityField.jsx";
import { useCategories } from "../settings/InterestPicker.jsx";
import { Button, Chip, ErrorNote, LanguageTabs, Loading, Page, Section, SelectField, TextField, Toggle } from "../ui/kit.jsx";
import { TabStatusNote, TranslateMissing, fillEmpty, useMachineTranslation } from "../ui/MachineTranslation.jsx";

const EMPTY = {
  category: "sport", status: "published", date: "", start: "19:00", end: "21:00",
  venue_name: "", venue_address: "", cost: "", support_note: "", transport: "none",
  capacity: "", languages: [], beginner_friendly: false, organiser: "", contact_name: "",
  contact_phone: "", location_id: "", original_language: "nl", texts: {}, repeat: "", until: "",
  whole_series: false, municipality_id: "",
};

function fromActivity(a) {
  const [date, start] = toLocalInput(a.starts_at).split("T");
  const end = toLocalInput(a.ends_at).split("T")[1];
  const texts = Object.entries(a.texts || {});
  return { ...EMPTY, ...a, date, start, end, cost: a.cost_cents ? (a.cost_cents / 100).toFixed(2) : "",
    capacity: a.capacity ?? "", location_id: a.location_id ?? "",
    texts: Object.fromEntries(texts.map(([code, { title, description }]) => [code, { title, description }])),
    text_marks: Object.fromEntries(texts.map(([code, text]) => [code, text.translation])),
    original_language: a.text?.original_language || "nl" };
}

function toBody(form, isNew) {
  const texts = Object.fromEntries(Object.entries(form.texts)
    .filter(([, v]) => v.title?.trim())
    .map(([code, v]) => [code, { title: v.title.trim(), description: v.description || "" }]));
  const body = {
    category: form.category, status: form.status,
    starts_at: fromLocalInput(`${form.date}T${form.start}`),
    ends_at: fromLocalInput(`${form.date}T${form.end}`),
    venue_name: form.venue_name, venue_address: form.venue_address,
    cost_cents: form.cost ? Math.round(Number(String(form.cost).replace(",", ".")) * 100) : 0,
    support_note: form.support_note, transport: form.transport,
    capacity: form.capacity === "" ? null : Number(form.capacity),
    languages: form.languages, beginner_friendly: form.beginner_friendly,
    organiser: form.organiser, contact_name: form.contact_name, contact_phone: form.contact_phone,
    location_id: orNone(form.location_id),
    original_language: form.original_language, texts,
  };
  if (isNew && form.municipality_id !== "") body.municipality_id = orNone(form.municipality_id);
  if (isNew && form.repeat) body.repeat = { every_weeks: Number(form.repeat), until: form.until };
  if (!isNew && form.whole_series) body.apply_to = "series";
  return body;
}

/** One tab per language; the original language first, then the ones already written. */
function TranslationTabs({ form, setForm, errors, municipalityId }) {
  const [active, setActive] = useState(form.original_language);
  const order = codesFirst(form.original_language);
  const machine = useMachineTranslation({ kind: "activity", source: form.original_language,
    texts: form.texts, loaded: form.text_marks, municipalityId,
    fill: (translations) => setForm((f) => ({ ...f, texts: fillEmpty(f.texts, translations) })) });
  const text = form.texts[active] || { title: "", description: "" };
  const setText = (name) => (value) => {
    machine.edited(active);
    setForm({ ...form, texts: { ...form.texts, [active]: { ...text, [name]: value } } });
  };
  const tabErrors = errors?.[active] || {};
  return (
    <Section title={t("Title and description")} id="texts">
      <p class="hint">{t("Write it in the original language. Add translations in the other tabs; young people see their own language, or the original.")}</p>
      <LanguageTabs codes={order} active={active} onSelect={setActive} filled={(code) => form.texts[code]?.title}
        status={machine.status}>
        <TabStatusNote mark={machine.mark(active)} />
        <TextField label={t("Title ({language})", { language: languageName(active) })} lang={active}
          value={text.title} onValue={setText("title")} error={tabErrors.title} />
        <TextField multiline label={t("Description ({language})", { language: languageName(active) })}
          lang={active} value={text.description} onValue={setText("description")} error={tabErrors.description} />
      </LanguageTabs>
      <TranslateMissing machine={machine} />
    </Section>
  );
}

export default function ActivityEditor({ params }) {
  const id = params.id ? Number(params.id) : null;
  const user = currentUser.value;
  const existing = useApi(id ? `/activities/${id}` : null);
  const categories = useCategories();
  const locations = useApi("/locations");
  const [form, setForm] = useState(null);
  const { busy, error, submit } = useAction(async () => {
    const result = await api(id ? `/activities/${id}` : "/activities",
      { method: id ? "PATCH" : "POST", body: toBody(form, !id) });
    navigate(`/activities/${result.items[0].id}`, { replace: true });
  });
  useEffect(() => {
    if (!id) setForm({ ...EMPTY, original_language: lang(), organiser: user?.display_name || "" });
    else if (existing.data) setForm(fromActivity(existing.data));
  }, [id, existing.data]);
  if (!form) return <Page title={t("Edit activity")} back="/staff/activities">{existing.error ? <ErrorNote error={existing.error} /> : <Loading />}</Page>;
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const fields = error?.fields || {};
  const isAdmin = user?.role === "admin";
  // Mentors post for their own houses; an admin sees the houses of the municipality chosen.
  const mine = (l) => user?.role !== "mentor" || user.mentor_location_ids?.includes(l.id);
  const inChosen = (l) => !isAdmin || form.municipality_id === ""
    || String(l.municipality_id) === form.municipality_id;
  const myLocations = (locations.data || []).filter((l) => mine(l) && inChosen(l));
  return (
    <Page title={id ? t("Edit activity") : t("New activity")} back={id ? `/activities/${id}` : "/staff/activities"}>
      <form onSubmit={submit} noValidate>
        <SelectField label={t("Original language")} value={form.original_language}
          onValue={set("original_language")} error={fields.original_language}
          options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))} />
        <TranslationTabs form={form} setForm={setForm} errors={fields.texts}
          municipalityId={isAdmin ? form.municipality_id ?? "" : undefined} />
        {typeof fields.texts === "string" || Array.isArray(fields.texts)
          ? <p class="error-text">{[].concat(fields.texts).join(" ")}</p> : null}
        <SelectField label={t("Category")} value={form.category} onValue={set("category")} error={fields.category}
          options={(categories.data || []).map((c) => ({ value: c.slug, label: c.label }))} />
        <div class="row">
          <TextField label={t("Date")} type="date" value={form.date} onValue={set("date")} dir="ltr" error={fields.starts_at} />
          <TextField label={t("Starts")} type="time" value={form.start} onValue={set("start")} dir="ltr" />
          <TextField label={t("Ends")} type="time" value={form.end} onValue={set("end")} dir="ltr" error={fields.ends_at} />
        </div>
        {!id && (
          <div class="row">
            <SelectField label={t("Repeat")} value={form.repeat} onValue={set("repeat")}
              options={[{ value: "", label: t("Once") }, { value: "1", label: t("Every week") },
                        { value: "2", label: t("Every other week") }]} />
            {form.repeat && <TextField label={t("Until")} type="date" value={form.until} onValue={set("until")} dir="ltr" error={fields.repeat} />}
          </div>
        )}
        <TextField label={t("Place")} name="venue_name" value={form.venue_name} onValue={set("venue_name")} error={fields.venue_name} />
        <TextField label={t("Address")} value={form.venue_address} onValue={set("venue_address")} error={fields.venue_address} />
        {isAdmin && !id && (
          <MunicipalityField value={form.municipality_id} error={fields.municipality_id}
            onValue={(value) => setForm({ ...form, municipality_id: value, location_id: "" })} />
        )}
        {myLocations.length > 0 && (
          <SelectField label={t("Reception location")} value={String(form.location_id)} onValue={set("location_id")}
            error={fields.location_id}
            options={[{ value: "", label: t("Whole municipality") },
                      ...myLocations.map((l) => ({ value: String(l.id), label: l.name }))]} />
        )}
        <div class="row">
          <TextField label={t("Cost in euros")} hint={t("Empty means free.")} inputMode="decimal" value={form.cost}
            onValue={set("cost")} dir="ltr" error={fields.cost_cents} />
          <TextField label={t("Places")} hint={t("Empty means no limit.")} type="number" min="1" value={form.capacity}
            onValue={set("capacity")} dir="ltr" error={fields.capacity} />
        </div>
        <TextField label={t("Financial support")} hint={t("For example: the municipality's youth fund pays.")}
          value={form.support_note} onValue={set("support_note")} error={fields.support_note} />
        <SelectField label={t("Transport")} value={form.transport} onValue={set("transport")}
          options={[{ value: "none", label: t("No transport") }, { value: "pick_up", label: t("We pick you up") },
                    { value: "together", label: t("We travel there together") }]} />
        <fieldset class="chips">
          <legend>{t("Languages spoken there")}</legend>
          {LANGUAGES.map((l) => (
            <Chip key={l.code} pressed={form.languages.includes(l.code)}
              onClick={() => set("languages")(form.languages.includes(l.code)
                ? form.languages.filter((c) => c !== l.code) : [...form.languages, l.code])}>
              <span lang={l.code}>{l.name}</span>
            </Chip>
          ))}
        </fieldset>
        <Toggle label={t("Beginners welcome")} checked={form.beginner_friendly} onChange={set("beginner_friendly")} />
        <TextField label={t("Organiser")} value={form.organiser} onValue={set("organiser")} error={fields.organiser} />
        <div class="row">
          <TextField label={t("Contact person")} value={form.contact_name} onValue={set("contact_name")} error={fields.contact_name} />
          <TextField label={t("Phone number")} type="tel" value={form.contact_phone} onValue={set("contact_phone")} dir="ltr" error={fields.contact_phone} />
        </div>
        <SelectField label={t("Status")} value={form.status} onValue={set("status")} error={fields.status}
          options={[{ value: "published", label: t("Published") }, { value: "draft", label: t("Draft") },
                    ...(id ? [{ value: "cancelled", label: t("Cancelled") }] : [])]} />
        {id && form.series_id && (
          <Toggle label={t("Also change the later dates of this series")} checked={form.whole_series}
            onChange={set("whole_series")} />
        )}
        <ErrorNote error={error} />
        <Button type="submit" busy={busy}>{id ? t("Save") : t("Publish")}</Button>
      </form>
    </Page>
  );
}
