// Ask for support with a cost: from an activity (?activity=ID) or "I want to join a club".
// A few plain questions; no income, no papers, no BSN. The funds that may fit are shown first.
import { useEffect, useState } from "preact/hooks";
import { api, useApi } from "../lib/api.js";
import { useAction } from "../lib/action.js";
import { lang, t } from "../lib/i18n.js";
import { navigate } from "../router.js";
import { Button, ErrorNote, Page, Section, SelectField, TextField } from "../ui/kit.jsx";
import { KINDS, PERIODS } from "./parts.jsx";
import { toCents } from "./money.js";

function FundsThatMayFit({ age, kind }) {
  const ok = Number(age) >= 12 && Number(age) <= 30;
  const { data } = useApi(ok ? `/funds?age=${Number(age)}&kind=${kind}` : null);
  if (!ok) return <p class="hint">{t("Fill in your age to see which funds may fit you.")}</p>;
  if (!data) return null;
  return (
    <Section title={t("Funds that may fit you")} id="funds">
      {data.length === 0
        ? <p class="note">{t("We know no fund here for your age and this cost. Send your request anyway: a helper will look for another way.")}</p>
        : <ul class="card-list">{data.map((fund) => (
            <li key={fund.id} class="card" data-fund={fund.id}><h3><bdi>{fund.name}</bdi></h3><p>{fund.plain}</p></li>
          ))}</ul>}
      <p class="hint">{t("A helper applies for you. The fund pays the club, not you.")}</p>
    </Section>
  );
}

function useActivity(id, setForm) {
  useEffect(() => {
    if (!id) return;
    api(`/activities/${id}`).then((a) => setForm((form) => ({
      ...form, club: a.text?.title || form.club, category: ["sport", "dance"].includes(a.category) ? "sport" : "culture",
      cost: a.cost_cents ? String(a.cost_cents / 100) : form.cost }))).catch(() => {});
  }, [id]);
}

export default function AskForm({ query }) {
  const activityId = Number(query?.get("activity")) || null;
  const [form, setForm] = useState({ category: "sport", club: "", cost: "", cost_period: "year",
                                     months: "12", gear: "", age: "", message: "" });
  useActivity(activityId, setForm);
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const { busy, error, submit } = useAction(async () => {
    const body = { activity_id: activityId, category: form.category, club: form.club,
                   cost_cents: toCents(form.cost), cost_period: form.cost_period,
                   months: form.months ? Number(form.months) : null, gear: form.gear || null,
                   age: Number(form.age), message: form.message || null, language: lang() };
    const made = await api("/support-requests", { method: "POST", body });
    navigate(`/support/${made.id}`);
  });
  const fields = error?.fields || {};
  return (
    <Page title={t("Ask for support")} back="/support">
      <p class="hint">{t("Tell us what you want to join and what it costs. We never ask for your income, papers or BSN.")}</p>
      <form onSubmit={submit} noValidate>
        <TextField label={t("Which club or activity?")} name="club" value={form.club} onValue={set("club")}
          error={fields.club} maxLength={120} required />
        <SelectField label={t("What is the cost for?")} name="category" value={form.category}
          onValue={set("category")} error={fields.category} options={KINDS()} />
        <TextField label={t("What does it cost (in euros)?")} name="cost" inputMode="decimal" value={form.cost}
          onValue={set("cost")} error={fields.cost_cents} required />
        <SelectField label={t("How often do you pay this?")} name="cost_period" value={form.cost_period}
          onValue={set("cost_period")} error={fields.cost_period} options={PERIODS()} />
        <TextField label={t("For how many months?")} name="months" inputMode="numeric" value={form.months}
          onValue={set("months")} error={fields.months} />
        <TextField label={t("Do you need gear or clothes? Which?")} name="gear" value={form.gear}
          onValue={set("gear")} error={fields.gear} maxLength={200} />
        <TextField label={t("How old are you?")} name="age" inputMode="numeric" value={form.age}
          onValue={set("age")} error={fields.age} required />
        <FundsThatMayFit age={form.age} kind={form.category} />
        <TextField label={t("Anything else? Write it in your own language.")} name="message" multiline rows={4}
          value={form.message} onValue={set("message")} error={fields.message} maxLength={2000} />
        <ErrorNote error={error} />
        <Button type="submit" icon="send" busy={busy}>{t("Send my request")}</Button>
      </form>
    </Page>
  );
}
