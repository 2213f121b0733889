import { useState } from "preact/hooks";
import { useApi } from "../lib/api.js";
import { t, tn } from "../lib/i18n.js";
import { ButtonLink, ErrorNote, Loading, Page, Section } from "../ui/kit.jsx";
import { Bar } from "./Bars.jsx";

export function monthName(month, language) {
  const [year, m] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" })
    .format(new Date(Date.UTC(year, m - 1, 15)));
}

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
        <p key={m.month}><strong>{monthName(m.month, language)}</strong>: {m.categories
          .map((c) => `${c.label} ${c.count}×`).join(", ")}</p>
      ))}
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
      <div class="btn-row">
        <ButtonLink href="/my-year/print" icon="star">{t("Participation statement")}</ButtonLink>
      </div>
    </Page>
  );
}
