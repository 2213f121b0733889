import { useApi } from "../lib/api.js";
import { lang, t } from "../lib/i18n.js";
import { dirOf } from "../lib/languages.js";
import { Button, ButtonLink, ErrorNote, Loading, Page } from "../ui/kit.jsx";
import { YearSummary } from "./MyYear.jsx";

/** The statement in Dutch (for the job coach or school) beside the young person's language. */
function Column({ year, language, statement }) {
  const { data } = useApi(`/me/year?year=${year}&lang=${language}`);
  if (!data) return <Loading />;
  return (
    <section dir={dirOf(language)} lang={language} class="card">
      <h2>{data.display_name} · {data.year}</h2>
      <p>{data.municipality}</p>
      <YearSummary data={data} language={language} />
      {statement && <p class="hint" dir="ltr">{statement.check_url}</p>}
    </section>
  );
}

export default function YearPrint() {
  const year = new Date().getFullYear();
  const { data: statement, error } = useApi(`/me/year/statement?year=${year}`);
  const languages = [...new Set(["nl", lang()])];
  return (
    <Page title={t("Participation statement")} back="/my-year">
      <p class="no-print">{t("Print this page, or save it as a PDF, and give it to a job coach or school. With the link they can check that it is real.")}</p>
      <ErrorNote error={error} />
      <div class="year-columns">
        {languages.map((l) => <Column key={l} year={year} language={l} statement={statement} />)}
      </div>
      <div class="btn-row">
        <Button icon="check" onClick={() => window.print()}>{t("Print or save as PDF")}</Button>
        <ButtonLink kind="secondary" href={`/api/v1/me/year/statement.pdf?year=${year}&lang=${lang()}`} download>{t("Download as PDF")}</ButtonLink>
      </div>
    </Page>
  );
}
