// Anonymous figures for the municipality: by fund and by kind of cost, no names.
import { useApi } from "../lib/api.js";
import { t, tn } from "../lib/i18n.js";
import { ErrorNote, Loading, Page, Section } from "../ui/kit.jsx";

const days = (value) => (value == null ? "–" : tn("{count} day", "{count} days", Math.round(value)));

// A card per row: a table's five columns do not fit a phone's width.
function FigureCards({ rows }) {
  return (
    <ul class="card-list">{rows.map((row) => (
      <li key={row.key} class="card" data-row={row.key}>
        <h3><bdi>{row.label}</bdi></h3>
        <dl class="stats">
          <div><dt>{t("Requests")}</dt><dd data-stat="requests">{row.requests}</dd></div>
          <div><dt>{t("Granted")}</dt><dd data-stat="granted">{row.granted}</dd></div>
          <div><dt>{t("Refused")}</dt><dd data-stat="refused">{row.refused}</dd></div>
          <div><dt>{t("Median time to a decision")}</dt><dd data-stat="median">{days(row.median_days_to_decision)}</dd></div>
        </dl>
      </li>
    ))}</ul>
  );
}

export default function Figures() {
  const { data, error } = useApi("/support-requests/figures");
  return (
    <Page title={t("Support figures")} back="/support">
      <p class="hint">{t("Counted without names. Deleted requests still count here.")}</p>
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data && (
        <>
          <FigureCards rows={[data.total]} />
          <Section title={t("By fund")} id="by-fund"><FigureCards rows={data.by_fund} /></Section>
          <Section title={t("By kind of cost")} id="by-kind"><FigureCards rows={data.by_category} /></Section>
        </>
      )}
    </Page>
  );
}
