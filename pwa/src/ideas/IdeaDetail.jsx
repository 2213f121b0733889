import { useState } from "preact/hooks";
import { useAction } from "../lib/action.js";
import { api, useApi } from "../lib/api.js";
import { formatDateTime, t, tn } from "../lib/i18n.js";
import { currentUser, isStaff } from "../lib/session.js";
import { Link } from "../router.js";
import { Icon } from "../ui/icons.jsx";
import { Button, ErrorNote, Loading, Page, Section, SelectField, TextField, UserText } from "../ui/kit.jsx";
import { Lazy } from "../ui/Lazy.jsx";
import { LocalizedText, useOriginal } from "../ui/Translated.jsx";
import { CategoryLabel, IdeaStatus, supporters, useCategories } from "./parts.jsx";

// Staff forms (answer, translate, moderate) in a chunk of their own: young people never load them.
const loadStaffPanels = () => import("./StaffPanels.jsx");

function SupportButtons({ idea, onChange }) {
  const path = `/ideas/${idea.id}/support`;
  const { busy, error, run } = useAction(async (options) => onChange(await api(path, options)));
  const mine = idea.support.mine;
  if (idea.status === "done" || idea.status === "not_possible") return null;
  const choice = (kind, icon, label) => (
    <Button kind={mine === kind ? "primary" : "secondary"} icon={mine === kind ? "check" : icon}
      aria-pressed={mine === kind ? "true" : "false"} busy={busy} data-support={kind}
      onClick={() => run({ method: "POST", body: { kind } })}>{label}</Button>
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
          onClick={() => run({ method: "DELETE" })}>{t("Withdraw my support")}</Button>
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
      <LocalizedText as="div" class="description" html text={text} field="message" />
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

function ReportForm({ idea }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("hurtful");
  const [note, setNote] = useState("");
  const [sent, setSent] = useState(false);
  const { busy, error, submit } = useAction(async () => {
    await api(`/ideas/${idea.id}/report`, { method: "POST", body: { reason, note } });
    setSent(true);
  });
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
      <form noValidate onSubmit={submit}>
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
  const user = currentUser.value;
  const categories = useCategories();
  const { data: idea, error, offline, setData } = useApi(`/ideas/${id}`, { cache: true });
  const original = useOriginal(idea?.text);
  const text = original.shown;
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
      {/* Written by a young person: its links are shown as words, not links (issue 13). */}
      <LocalizedText text={idea.text} original={original} field="description" as="div" class="description"
        html plainLinks />
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
      {staff && <Lazy load={loadStaffPanels} idea={idea} onDone={setData} />}
      {!staff && !idea.is_mine && <ReportForm idea={idea} />}
    </Page>
  );
}
