import { useState } from "preact/hooks";
import { query, useApi } from "../lib/api.js";
import { formatMonth, formatShare, t } from "../lib/i18n.js";
import { currentUser } from "../lib/session.js";
import { MunicipalityField } from "../staff/MunicipalityField.jsx";
import { ButtonLink, ErrorNote, Loading, Page, Section, SelectField } from "../ui/kit.jsx";
import { Bar } from "./Bars.jsx";

/** This month in Amsterdam and the eleven before it, as YYYY-MM, newest first. */
function recentMonths(count = 12) {
  const [year, month] = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit",
  }).format(new Date()).split("-").map(Number);
  return Array.from({ length: count },
    (_, i) => new Date(Date.UTC(year, month - 1 - i, 1)).toISOString().slice(0, 7));
}

function Groups({ title, rows }) {
  return (
    <Section title={title}>
      {rows.map((r) => (r.hidden
        ? <p key={r.key}><bdi>{r.label}</bdi>: {t("fewer than five young people")}</p>
        : <Bar key={r.key} label={r.label} value={r.share} max={1}
            text={`${formatShare(r.share)} (${r.took_part}/${r.youth})`} />))}
    </Section>
  );
}

function FollowUp() {
  const { data } = useApi("/figures/participation/follow-up");
  if (!data) return null;
  return (
    <Section title={t("New youth without participation in their first 30 days")}>
      {data.length === 0 ? <p>0</p>
        : <ul>{data.map((p) => <li key={p.user_id}><bdi>{p.display_name}</bdi>{p.house && <> · <bdi>{p.house}</bdi></>}</li>)}</ul>}
    </Section>
  );
}

function Numbers({ month, municipality }) {
  const args = query({ month, municipality_id: municipality });
  const { data: f, error } = useApi("/figures/participation" + args);
  if (error) return <ErrorNote error={error} />;
  if (!f) return <Loading />;
  const v = f.visits;
  return <>
    <p class="big-number">{formatShare(f.share)}</p>
    <p>{t("took part at least once in {month}", { month: formatMonth(f.month) })} {f.youth != null && `(${f.took_part}/${f.youth})`}</p>
    <p class="hint">{t("Groups of fewer than five young people are merged into Other.")}</p>
    <Groups title={t("By house")} rows={f.by_house} />
    <Groups title={t("By language")} rows={f.by_language} />
    <Groups title={t("By age")} rows={f.by_age} />
    <Groups title={t("By category")} rows={f.by_category} />
    <Section title={t("Sign-ups and visits")}>
      <Bar label={t("Signed up")} value={v.signed_up} max={v.signed_up} text={String(v.signed_up)} />
      <Bar label={t("Came")} value={v.came} max={v.signed_up} text={String(v.came)} />
      <Bar label={t("Did not come")} value={v.no_shows} max={v.signed_up} text={String(v.no_shows)} />
      <p>{t("Walk-ins")}: {v.walk_ins}</p>
    </Section>
    <p>{t("New youth without participation in their first 30 days")}: {f.new_without_participation ?? t("fewer than five young people")}</p>
    <ButtonLink kind="secondary" href={`/api/v1/figures/participation/csv${query({ month: f.month, municipality_id: municipality })}`} download>{t("Download CSV")}</ButtonLink>
  </>;
}

// Youth workers: their municipality's figures of a month, and the follow-up list. Admins: the
// figures of the municipality they choose. Mentors: the follow-up list of their houses.
export default function Figures() {
  const user = currentUser.value;
  const months = recentMonths();
  const [month, setMonth] = useState(months[0]);
  const [municipality, setMunicipality] = useState("");
  const isAdmin = user.role === "admin";
  const numbers = user.role === "youth_worker" || isAdmin;
  return (
    <Page title={t("Figures")}>
      {isAdmin && <MunicipalityField value={municipality} onValue={setMunicipality} />}
      {numbers && (
        <SelectField label={t("Month")} name="month" value={month} onValue={setMonth}
          options={months.map((m) => ({ value: m, label: formatMonth(m) }))} />
      )}
      {numbers && (!isAdmin || municipality) && <Numbers month={month} municipality={municipality || undefined} />}
      {!isAdmin && <FollowUp />}
    </Page>
  );
}
