// The staff's forms under an idea (answer, translate, moderate): a lazy chunk of its own, so a
// young person's phone never downloads them (IdeaDetail loads it for staff only).
import { useState } from "preact/hooks";
import { useAction } from "../lib/action.js";
import { api, useApi } from "../lib/api.js";
import { formatDay, lang, t, tn } from "../lib/i18n.js";
import { LANGUAGES } from "../lib/languages.js";
import { Button, ErrorNote, Section, SelectField, TextField, UserText } from "../ui/kit.jsx";
import { messages, statusLabel } from "./parts.jsx";

const ANSWER_STATUSES = ["being_looked_at", "planned", "done", "not_possible"];
const languageOptions = () => LANGUAGES.map((l) => ({ value: l.code, label: l.name }));

function ActivityChoice({ value, onValue, error }) {
  const { data } = useApi("/activities?per_page=100");
  const options = (data?.items || []).map((a) => ({
    value: String(a.id), label: `${a.text.title} · ${formatDay(a.starts_at)}` }));
  return (
    <SelectField label={t("The activity that came of it (optional)")} value={value}
      onValue={onValue} error={error}
      options={[{ value: "", label: t("No activity yet") }, ...options]} />
  );
}

function AnswerForm({ idea, onDone }) {
  const blank = () => [{ language: lang(), text: "" }];
  const [status, setStatus] = useState(idea.status === "new" ? "being_looked_at" : idea.status);
  const [parts, setParts] = useState(blank);
  const [activityId, setActivityId] = useState("");
  const change = (i, values) => setParts(parts.map((p, j) => (j === i ? { ...p, ...values } : p)));
  const { busy, error, submit } = useAction(async () => {
    const written = parts.filter((p) => p.text.trim());
    const body = { status, message: Object.fromEntries(written.map((p) => [p.language, p.text])) };
    if (written.length) body.language = written[0].language;
    if (status === "planned" && activityId) body.activity_id = Number(activityId);
    onDone(await api(`/ideas/${idea.id}/answers`, { method: "POST", body }));
    setParts(blank());
  });
  const fields = error?.fields || {};
  return (
    <Section title={t("Answer this idea")} id="answer-form">
      <form onSubmit={submit} noValidate>
        <SelectField label={t("Status")} name="status" value={status} onValue={setStatus}
          error={messages(fields.status)}
          options={ANSWER_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))} />
        {parts.map((part, i) => (
          <div class="card" key={i}>
            <SelectField label={t("Language")} value={part.language}
              onValue={(v) => change(i, { language: v })} options={languageOptions()} />
            <TextField label={status === "not_possible" ? t("Why is it not possible?") : t("Your answer")}
              name="message" multiline rows={4} maxLength={1000} value={part.text}
              onValue={(v) => change(i, { text: v })} error={i === 0 ? messages(fields.message) : undefined} />
          </div>
        ))}
        <div class="btn-row">
          <Button kind="secondary" icon="translate"
            onClick={() => setParts([...parts, { language: "nl", text: "" }])}>{t("Add a language")}</Button>
        </div>
        {status === "planned" && (
          <ActivityChoice value={activityId} onValue={setActivityId} error={messages(fields.activity_id)} />
        )}
        <ErrorNote error={error} />
        <Button type="submit" icon="send" busy={busy}>{t("Publish the answer")}</Button>
      </form>
    </Section>
  );
}

function TranslateForm({ idea, onDone }) {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ language: "nl", title: "", description: "" });
  const { busy, error, submit } = useAction(async () => {
    onDone(await api(`/ideas/${idea.id}/texts/${form.language}`, { method: "PUT",
      body: { title: form.title, description: form.description } }));
    setOpen(false);
  });
  if (!open) {
    return <Button kind="secondary" icon="translate" onClick={() => setOpen(true)}>{t("Add a translation")}</Button>;
  }
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const fields = error?.fields || {};
  return (
    <Section title={t("Add a translation")} id="translate">
      <form onSubmit={submit} noValidate>
        <SelectField label={t("Language")} value={form.language} onValue={set("language")}
          options={languageOptions()} />
        <TextField label={t("Title")} value={form.title} onValue={set("title")} maxLength={120}
          error={fields.title} lang={form.language} />
        <TextField label={t("Description")} multiline rows={4} value={form.description}
          onValue={set("description")} maxLength={1000} error={fields.description} lang={form.language} />
        <ErrorNote error={error} />
        <Button type="submit" busy={busy}>{t("Save")}</Button>
      </form>
    </Section>
  );
}

function Moderation({ idea, onDone }) {
  const [reason, setReason] = useState("");
  const path = `/ideas/${idea.id}/hide`;
  const { busy, error, run } = useAction(async (options) => onDone(await api(path, options)));
  const reports = idea.reports || { open: 0, notes: [] };
  return (
    <Section title={t("Moderation")} id="moderation">
      {reports.open > 0 && (
        <p class="note note-error" data-reports={reports.open}>
          {tn("{count} open report", "{count} open reports", reports.open)}
        </p>
      )}
      {reports.notes.map((note, i) => <UserText key={i} as="p" text={note} />)}
      <ErrorNote error={error} />
      {idea.hidden ? (
        <Button kind="secondary" busy={busy} data-action="unhide"
          onClick={() => run({ method: "DELETE" })}>{t("Show this idea again")}</Button>
      ) : (
        <form noValidate onSubmit={(e) => { e.preventDefault(); run({ method: "POST", body: { reason } }); }}>
          <TextField label={t("Why hide it? The author sees this.")} name="reason" multiline rows={2}
            maxLength={300} value={reason} onValue={setReason} error={error?.fields?.reason} />
          <Button type="submit" kind="danger" busy={busy} data-action="hide">{t("Hide this idea")}</Button>
        </form>
      )}
    </Section>
  );
}

export default function StaffPanels({ idea, onDone }) {
  return (
    <>
      <AnswerForm idea={idea} onDone={onDone} />
      <TranslateForm idea={idea} onDone={onDone} />
      <Moderation idea={idea} onDone={onDone} />
    </>
  );
}
