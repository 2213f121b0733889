// The funds of the municipality; admins add them and switch them on or off.
import { useState } from "preact/hooks";
import { api, useApi } from "../lib/api.js";
import { useAction } from "../lib/action.js";
import { t } from "../lib/i18n.js";
import { usePages } from "../lib/pages.js";
import { currentUser } from "../lib/session.js";
import { Button, ErrorNote, Loading, Page, Section, SelectField, TextField, Toggle } from "../ui/kit.jsx";
import { KINDS } from "./parts.jsx";
import { toCents } from "./money.js";

const EMPTY = { name: "", min_age: "", max_age: "", kind: "sport", max: "", apply_url: "https://",
                grant_months: "12", municipality_id: "" };

function NewFund({ onDone }) {
  const [form, setForm] = useState(EMPTY);
  const set = (name) => (value) => setForm({ ...form, [name]: value });
  const { data: places } = useApi("/municipalities");
  const { busy, error, submit } = useAction(async () => {
    await api("/funds", { method: "POST", body: {
      name: form.name, min_age: Number(form.min_age), max_age: Number(form.max_age), kinds: [form.kind],
      max_cents_per_year: toCents(form.max), apply_url: form.apply_url,
      grant_months: Number(form.grant_months), municipality_id: Number(form.municipality_id) } });
    setForm(EMPTY);
    onDone();
  });
  const fields = error?.fields || {};
  return (
    <Section title={t("Add a fund")} id="new-fund">
      <form onSubmit={submit} noValidate>
        <SelectField label={t("Municipality")} name="municipality_id" value={form.municipality_id}
          onValue={set("municipality_id")} error={fields.municipality_id}
          options={[{ value: "", label: t("Choose a municipality") },
                    ...(places || []).map((m) => ({ value: m.id, label: m.name }))]} />
        <TextField label={t("Name")} name="name" value={form.name} onValue={set("name")} error={fields.name} />
        <TextField label={t("From age")} name="min_age" inputMode="numeric" value={form.min_age} onValue={set("min_age")} error={fields.min_age} />
        <TextField label={t("Up to age")} name="max_age" inputMode="numeric" value={form.max_age} onValue={set("max_age")} error={fields.max_age} />
        <SelectField label={t("What is the cost for?")} name="kind" value={form.kind} onValue={set("kind")} options={KINDS()} error={fields.kinds} />
        <TextField label={t("Pays at most a year (in euros)")} name="max" inputMode="decimal" value={form.max} onValue={set("max")} error={fields.max_cents_per_year} />
        <TextField label={t("Link to apply")} name="apply_url" value={form.apply_url} onValue={set("apply_url")} error={fields.apply_url} />
        <TextField label={t("A grant runs (months)")} name="grant_months" inputMode="numeric" value={form.grant_months} onValue={set("grant_months")} error={fields.grant_months} />
        <ErrorNote error={error} />
        <Button type="submit" icon="plus" busy={busy}>{t("Add this fund")}</Button>
      </form>
    </Section>
  );
}

function FundRow({ fund, admin, onDone }) {
  const { error, run } = useAction(async (active) => {
    await api(`/funds/${fund.id}`, { method: "PATCH", body: { active } });
    onDone();
  });
  return (
    <li class="card" data-fund={fund.id}>
      <h2><bdi>{fund.name}</bdi></h2>
      <p>{fund.plain}</p>
      <p><a href={fund.apply_url} target="_blank" rel="noopener noreferrer" dir="ltr">{fund.apply_url}</a></p>
      {admin && <Toggle label={t("In use")} checked={fund.active} onChange={run} />}
      <ErrorNote error={error} />
    </li>
  );
}

function Helper({ user, marked, onDone }) {
  const { error, run } = useAction(async (on) => {
    await api(`/funds/intermediaries/${user.id}`, { method: on ? "PUT" : "DELETE" });
    onDone();
  });
  return (
    <li data-helper={user.id}>
      <Toggle label={user.display_name} checked={marked} onChange={run} />
      <ErrorNote error={error} />
    </li>
  );
}

function HelperList({ role, marked, onDone }) {
  const people = usePages(`/users?role=${role}`);
  if (!people.items) return people.error ? <ErrorNote error={people.error} /> : <Loading />;
  return (
    <div data-helpers={role}>
      <ul class="card-list">{people.items.map((u) => (
        <Helper key={u.id} user={u} marked={marked.has(u.id)} onDone={onDone} />
      ))}</ul>
      <ErrorNote error={people.error} />
      {people.more && (
        <Button kind="secondary" busy={people.loading} onClick={people.loadMore}>{t("Show more")}</Button>
      )}
    </div>
  );
}

function Helpers() {
  const { data: marked, reload } = useApi("/funds/intermediaries");
  if (!marked) return <Loading />;
  const ids = new Set(marked.map((m) => m.user_id));
  return (
    <Section title={t("Who helps with funds")} id="helpers">
      <p class="hint">{t("Youth workers always help with funds. Switch on the mentors and contacts who do too: they see the requests of their municipality.")}</p>
      <HelperList role="mentor" marked={ids} onDone={reload} />
      <HelperList role="contact" marked={ids} onDone={reload} />
    </Section>
  );
}

export default function Funds() {
  const { data, error, reload } = useApi("/funds");
  const admin = currentUser.value?.role === "admin";
  return (
    <Page title={t("Funds")} back="/support">
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data && <ul class="card-list">{data.map((f) => <FundRow key={f.id} fund={f} admin={admin} onDone={reload} />)}</ul>}
      {admin && <NewFund onDone={reload} />}
      {admin && <Helpers />}
    </Page>
  );
}
