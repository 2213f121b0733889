// One request: its status and what happens next, the facts, the thread in the reader's
// language, and (for the intermediary) the next step.
import { useState } from "preact/hooks";
import { api, useApi } from "../lib/api.js";
import { useAction } from "../lib/action.js";
import { formatDateTime, formatMoney, lang, t } from "../lib/i18n.js";
import { Button, ErrorNote, Loading, Page, SelectField, TextField } from "../ui/kit.jsx";
import { LocalizedText } from "../ui/Translated.jsx";
import { StatusBadge, costText, grantText } from "./parts.jsx";
import { toCents } from "./money.js";

const STEPS = () => [
  { value: "question", label: t("Ask the young person something") },
  { value: "message", label: t("Write a message") },
  { value: "applied", label: t("I applied to a fund") },
  { value: "granted", label: t("The fund said yes") },
  { value: "refused", label: t("The fund said no") },
  { value: "paid_other_way", label: t("Paid another way") },
];

function Facts({ request }) {
  return (
    <ul class="meta card-list">
      <li><span>{request.category_label} · {costText(request)}</span></li>
      {request.gear && <li><span>{t("Gear needed: {gear}", { gear: request.gear })}</span></li>}
      {request.fund && <li><span>{t("Fund: {fund}", { fund: request.fund.name })}</span></li>}
      {request.status === "granted" && <li data-grant><span>{grantText(request)}</span></li>}
    </ul>
  );
}

function Thread({ steps }) {
  return steps.map((step) => (
    <div class="card" key={step.id} data-step={step.kind}>
      <p class="meta">
        <span><bdi>{step.author?.is_me ? t("You") : step.author?.name || t("Your helper")}</bdi></span>
        <span>{formatDateTime(step.created_at)}</span>
      </p>
      {step.kind !== "message" && <p><strong>{step.label}</strong>{step.fund_name && <> · <bdi>{step.fund_name}</bdi></>}</p>}
      {step.body && <LocalizedText text={step} field="body" />}
    </div>
  ));
}

function Reply({ id, onDone }) {
  const [body, setBody] = useState("");
  const { busy, error, submit } = useAction(async () => {
    await api(`/support-requests/${id}/steps`, { method: "POST",
                                                 body: { kind: "message", body, language: lang() } });
    setBody("");
    onDone();
  });
  return (
    <form onSubmit={submit}>
      <TextField multiline label={t("Your message")} name="body" value={body} onValue={setBody}
        error={error?.fields?.body} />
      <ErrorNote error={error} />
      <Button type="submit" icon="send" busy={busy}>{t("Send")}</Button>
    </form>
  );
}

function stepBody(kind, form) {
  const body = { kind, body: form.body, language: lang() };
  if (kind === "applied") body.fund_id = Number(form.fund_id) || undefined;
  if (kind === "granted") {
    Object.assign(body, { amount_cents: toCents(form.amount), start: form.start || undefined,
                          end: form.end || undefined, paid_to: form.paid_to });
  }
  return body;
}

function StaffStep({ request, onDone }) {
  const [kind, setKind] = useState(request.status === "applied" ? "granted" : "applied");
  const [form, setForm] = useState({ body: "", fund_id: request.fund?.id || "", amount: "",
                                     start: "", end: "", paid_to: request.club });
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const { busy, error, submit } = useAction(async () => {
    await api(`/support-requests/${request.id}/steps`, { method: "POST", body: stepBody(kind, form) });
    setForm({ ...form, body: "" });
    onDone();
  });
  const fields = error?.fields || {};
  const { data: funds } = useApi("/funds");
  return (
    <form onSubmit={submit} class="section" noValidate>
      <h2>{t("Next step")}</h2>
      <SelectField label={t("What happened?")} name="kind" value={kind} onValue={setKind} options={STEPS()} />
      {kind === "applied" && (
        <SelectField label={t("Fund")} name="fund_id" value={form.fund_id} onValue={set("fund_id")} error={fields.fund_id}
          options={[{ value: "", label: t("Choose a fund") },
                    ...(funds || []).filter((f) => f.active && f.municipality_id === request.municipality_id).map((f) => ({ value: f.id, label: f.name }))]} />
      )}
      {kind === "granted" && (
        <>
          <TextField label={t("Amount (in euros)")} name="amount" inputMode="decimal" value={form.amount}
            onValue={set("amount")} error={fields.amount_cents} />
          <TextField label={t("First day")} name="start" type="date" value={form.start} onValue={set("start")} error={fields.start} />
          <TextField label={t("Last day (empty: the fund's usual term)")} name="end" type="date" value={form.end}
            onValue={set("end")} error={fields.end} />
          <TextField label={t("Paid to (the club)")} name="paid_to" value={form.paid_to} onValue={set("paid_to")} error={fields.paid_to} />
        </>
      )}
      <TextField multiline label={kind === "refused" ? t("Why did the fund say no? In plain words.") : t("Message (optional)")}
        name="body" value={form.body} onValue={set("body")} error={fields.body} />
      <ErrorNote error={error} />
      <Button type="submit" icon="send" busy={busy}>{t("Save this step")}</Button>
    </form>
  );
}

export default function RequestDetail({ params }) {
  const { data: request, error, reload, offline } = useApi(`/support-requests/${Number(params.id)}`, { cache: true });
  if (!request) return <Page title={t("Money for a club")} back="/support">{error ? <ErrorNote error={error} /> : <Loading />}</Page>;
  const mine = request.youth.is_me;
  return (
    <Page title={request.club} back="/support" offline={offline}>
      <p><StatusBadge request={request} /></p>
      {mine && <p class={`note ${request.status === "granted" ? "note-ok" : ""}`} data-next>{request.next}</p>}
      {!mine && <p class="meta"><span><bdi>{request.youth.name}</bdi> · {t("{age} years", { age: request.age })}</span></p>}
      <Facts request={request} />
      <Thread steps={request.steps} />
      {mine ? <Reply id={request.id} onDone={reload} /> : <StaffStep request={request} onDone={reload} />}
      {!mine && request.funds_that_may_fit.length > 0 && (
        <section class="section">
          <h2>{t("Funds that may fit")}</h2>
          <ul>{request.funds_that_may_fit.map((f) => (
            <li key={f.id}><a href={f.apply_url} target="_blank" rel="noopener noreferrer">{f.name}</a>
              {" · "}{formatMoney(f.max_cents_per_year)}</li>
          ))}</ul>
        </section>
      )}
    </Page>
  );
}
