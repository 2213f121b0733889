import { useState } from "preact/hooks";
import { useAction } from "../lib/action.js";
import { api, useApi } from "../lib/api.js";
import { formatMonth, t, tn } from "../lib/i18n.js";
import { ButtonLink, ErrorNote, Loading, Page, Section, SelectField } from "../ui/kit.jsx";
import { Bar } from "./Bars.jsx";

export function YearSummary({ data, language }) {
  const max = Math.max(1, ...data.by_category.map((c) => c.count));
  return (
    <div lang={language}>
      <p class="big-number">{tn("{count} activity", "{count} activities", data.activities)}</p>
      {data.volunteer_hours > 0 && (
        <p>{t("Volunteering or helping organise: {hours} hours", { hours: data.volunteer_hours })}</p>
      )}
      {data.by_category.map((c) => (
        <Bar key={c.category} label={c.label} value={c.count} max={max} text={String(c.count)} />
      ))}
      {data.by_month.map((m) => (
        <p key={m.month}><strong>{formatMonth(m.month, language)}</strong>: {m.categories
          .map((c) => `${c.label} ${c.count}×`).join(", ")}</p>
      ))}
    </div>
  );
}

const BIRTH_YEARS = Array.from({ length: 21 }, (_, n) => String(2014 - n));

/** Optional: only counted in the municipality's figures by age band. */
function BirthYear({ initial }) {
  const [value, setValue] = useState(initial == null ? "" : String(initial));
  const { error, run } = useAction(async (chosen) => {
    setValue(chosen);
    await api("/me/birth-year", { method: "PUT", body: { birth_year: chosen ? Number(chosen) : null } });
  });
  return (
    <div class="section">
      <SelectField label={t("Year of birth (optional)")} value={value} onValue={run} name="birth_year"
        hint={t("Only for the municipality's figures by age, never shown with your name.")}
        options={[{ value: "", label: t("Not given") }, ...BIRTH_YEARS.map((y) => ({ value: y, label: y }))]} />
      <ErrorNote error={error} />
    </div>
  );
}

export default function MyYear() {
  const [year] = useState(new Date().getFullYear());
  const { data, error } = useApi(`/me/year?year=${year}`, { cache: true });
  return (
    <Page title={t("My year")}>
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data && <Section title={String(year)}><YearSummary data={data} language={document.documentElement.lang} /></Section>}
      {data?.activities === 0 && <p>{t("Check in at an activity and it shows here.")}</p>}
      {data && <BirthYear initial={data.birth_year} />}
      <div class="btn-row">
        <ButtonLink href="/my-year/print" icon="star">{t("Participation statement")}</ButtonLink>
      </div>
    </Page>
  );
}
