import { useState } from "preact/hooks";
import { useApi } from "../lib/api.js";
import { formatDateTime, formatDay, lang, t, tn } from "../lib/i18n.js";
import { LANGUAGES, dirOf } from "../lib/languages.js";
import { isStaff, useSession } from "../lib/session.js";
import { Link } from "../router.js";
import { Icon } from "../ui/icons.jsx";
import { Button, ErrorNote, Loading, Page, Section, SelectField, TextField, UserText } from "../ui/kit.jsx";
import { TranslationNote, Translated, useOriginal } from "../ui/Translated.jsx";
import { CategoryLabel, FallbackNote, IdeaStatus, messages, statusLabel, supporters, useAction,
         useCategories } from "./parts.jsx";

const ANSWER_STATUSES = ["being_looked_at", "planned", "done", "not_possible"];
const languageOptions = () => LANGUAGES.map((l) => ({ value: l.code, label: l.name }));

function SupportButtons({ idea, onChange }) {
  const { busy, error, run } = useAction(onChange);
  const mine = idea.support.mine;
  const path = `/ideas/${idea.id}/support`;
  if (idea.status === "done" || idea.status === "not_possible") return null;
  const choice = (kind, icon, label) => (
    <Button kind={mine === kind ? "primary" : "secondary"} icon={mine === kind ? "check" : icon}
      aria-pressed={mine === kind ? "true" : "false"} busy={busy} data-support={kind}
      onClick={() => run(path, { method: "POST", body: { kind } })}>{label}</Button>
  );
  return (
    <div>
      <ErrorNote error={error} />
      <div class="btn-row">
        {choice("join", "people", t("I would join"))}
        {choice("help", "hands", t("I would help"))}
      </div>
      {mine && (
        <Button kind="secondary" busy={busy} data-support="withdraw"
          onClick={() => run(path, { method: "DELETE" })}>{t("Withdraw my support")}</Button>
      )}
    </div>
  );
}

function SupportSection({ idea, user, onChange }) {
  const support = idea.support;
  return (
    <Section title={t("Support")} id="support">
      <p data-supporters={support.total}>{supporters(support.total)}</p>
      <p class="meta">
        <span><Icon name="people" />{tn("{count} would join", "{count} would join", support.join)}</span>
        <span><Icon name="hands" />{tn("{count} would help", "{count} would help", support.help)}</span>
      </p>
      {support.names.length > 0 && (
        <p>{t("Supporters who show their name:")}{" "}
          {support.names.map((name, i) => <span key={i}>{i > 0 && ", "}<bdi>{name}</bdi></span>)}</p>
      )}
      {user?.role === "youth" && !idea.is_mine && <SupportButtons idea={idea} onChange={onChange} />}
    </Section>
  );
}

function Answer({ answer }) {
  const text = answer.text;
  return (
    <li class="card" data-answer={answer.id}>
      <p class="meta">
        <IdeaStatus status={answer.status} />
        <span><Icon name="clock" />{formatDateTime(answer.created_at)}</span>
        {answer.by && <span><Icon name="briefcase" /><bdi>{answer.by}</bdi></span>}
      </p>
      <FallbackNote text={text} />
      <Translated as="div" class="description" html text={text} field="message" />
      {answer.activity && (
        <p><Link href={`/activities/${answer.activity.id}`}>
          <Icon name="calendar" />{t("The activity that came of it:")} <bdi>{answer.activity.title}</bdi>
        </Link></p>
      )}
    </li>
  );
}

function Answers({ idea }) {
  return (
    <Section title={t("Answers from staff")} id="answers">
      {idea.answers.length === 0
        ? <p>{t("No answer yet. Staff answer every idea.")}</p>
        : <ul class="card-list">{idea.answers.map((a) => <Answer key={a.id} answer={a} />)}</ul>}
    </Section>
  );
}

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
  const { busy, error, run } = useAction((result) => { onDone(result); setParts(blank()); });
  const change = (i, values) => setParts(parts.map((p, j) => (j === i ? { ...p, ...values } : p)));
  const submit = (event) => {
    event.preventDefault();
    const written = parts.filter((p) => p.text.trim());
    const body = { status, message: Object.fromEntries(written.map((p) => [p.language, p.text])) };
    if (written.length) body.language = written[0].language;
    if (status === "planned" && activityId) body.activity_id = Number(activityId);
    run(`/ideas/${idea.id}/answers`, { method: "POST", body });
  };
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
  const { busy, error, run } = useAction((result) => { onDone(result); setOpen(false); });
  if (!open) {
    return <Button kind="secondary" icon="translate" onClick={() => setOpen(true)}>{t("Add a translation")}</Button>;
  }
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const fields = error?.fields || {};
  const submit = (event) => {
    event.preventDefault();
    run(`/ideas/${idea.id}/texts/${form.language}`, { method: "PUT",
      body: { title: form.title, description: form.description } });
  };
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
  const { busy, error, run } = useAction(onDone);
  const reports = idea.reports || { open: 0, notes: [] };
  const path = `/ideas/${idea.id}/hide`;
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
          onClick={() => run(path, { method: "DELETE" })}>{t("Show this idea again")}</Button>
      ) : (
        <form noValidate onSubmit={(e) => { e.preventDefault(); run(path, { method: "POST", body: { reason } }); }}>
          <TextField label={t("Why hide it? The author sees this.")} name="reason" multiline rows={2}
            maxLength={300} value={reason} onValue={setReason} error={error?.fields?.reason} />
          <Button type="submit" kind="danger" busy={busy} data-action="hide">{t("Hide this idea")}</Button>
        </form>
      )}
    </Section>
  );
}

function ReportForm({ idea }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("hurtful");
  const [note, setNote] = useState("");
  const [sent, setSent] = useState(false);
  const { busy, error, run } = useAction(() => setSent(true));
  if (sent) return <p class="note note-ok" role="status">{t("Thank you. Staff will look at it.")}</p>;
  if (!open) {
    return <Button kind="secondary" data-action="report" onClick={() => setOpen(true)}>{t("Report this idea")}</Button>;
  }
  const reasons = [
    { value: "hurtful", label: t("It is hurtful") },
    { value: "spam", label: t("It is advertising or spam") },
    { value: "personal_info", label: t("It shows personal information") },
    { value: "other", label: t("Something else") },
  ];
  return (
    <Section title={t("Report this idea")} id="report">
      <form noValidate onSubmit={(e) => { e.preventDefault(); run(`/ideas/${idea.id}/report`, { method: "POST", body: { reason, note } }); }}>
        <SelectField label={t("What is wrong?")} name="reason" value={reason} onValue={setReason} options={reasons} />
        <TextField label={t("Explain (optional)")} name="note" maxLength={300} value={note}
          onValue={setNote} error={error?.fields?.note} />
        <ErrorNote error={error} />
        <Button type="submit" kind="danger" busy={busy}>{t("Send the report")}</Button>
      </form>
    </Section>
  );
}

export default function IdeaDetail({ params }) {
  const id = Number(params.id);
  const { user } = useSession();
  const categories = useCategories();
  const { data: idea, error, offline, setData } = useApi(`/ideas/${id}`, { cache: true });
  const { shown: text, ...original } = useOriginal(idea?.text);
  if (!idea) {
    return <Page title={t("Idea")} back="/ideas">{error ? <ErrorNote error={error} /> : <Loading />}</Page>;
  }
  const staff = isStaff(user);
  return (
    <Page title={text.title} titleLang={text.language} back="/ideas" offline={offline}>
      <p class="meta">
        <IdeaStatus status={idea.status} />
        <CategoryLabel slug={idea.category} categories={categories} />
        <span><Icon name="clock" />{formatDateTime(idea.created_at)}</span>
      </p>
      {idea.hidden && (
        <p class="note note-error" data-hidden="true">
          {t("This idea is hidden from others. The reason:")} <UserText text={idea.hidden.reason} />
        </p>
      )}
      <FallbackNote text={text} />
      <TranslationNote text={idea.text} {...original} />
      {/* Written by a young person: its links are shown as words, not links (issue 13). */}
      <UserText as="div" class="description" html plainLinks text={text.description} language={text.language}
        dir={dirOf(text.language)} />
      {idea.author && (
        <p class="meta"><span><Icon name="people" />{t("Proposed by:")} <bdi>{idea.author}</bdi></span></p>
      )}
      {idea.activity && (
        <p><Link href={`/activities/${idea.activity.id}`} data-activity={idea.activity.id}>
          <Icon name="calendar" />{t("The activity that came of it:")} <bdi>{idea.activity.title}</bdi>
        </Link></p>
      )}
      {idea.will_help_organise && (
        <p class="meta"><span><Icon name="hands" />{t("The proposer would help organise this.")}</span></p>
      )}
      <SupportSection idea={idea} user={user} onChange={setData} />
      <Answers idea={idea} />
      {staff && <AnswerForm idea={idea} onDone={setData} />}
      {staff && <TranslateForm idea={idea} onDone={setData} />}
      {staff && <Moderation idea={idea} onDone={setData} />}
      {!staff && !idea.is_mine && <ReportForm idea={idea} />}
    </Page>
  );
}
