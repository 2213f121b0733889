// Anonymous figures for the municipality: by fund and by kind of cost, no names.
import { useApi } from "../lib/api.js";
import { t, tn } from "../lib/i18n.js";
import { ErrorNote, Loading, Page, Section } from "../ui/kit.jsx";

const days = (value) => (value == null ? "–" : tn("{count} day", "{count} days", Math.round(value)));

function FigureTable({ rows }) {
  return (
    <table class="table">
      <thead><tr><th scope="col"></th><th scope="col">{t("Requests")}</th><th scope="col">{t("Granted")}</th>
        <th scope="col">{t("Refused")}</th><th scope="col">{t("Median time to a decision")}</th></tr></thead>
      <tbody>{rows.map((row) => (
        <tr key={row.key} data-row={row.key}><th scope="row"><bdi>{row.label}</bdi></th><td>{row.requests}</td>
          <td>{row.granted}</td><td>{row.refused}</td><td>{days(row.median_days_to_decision)}</td></tr>
      ))}</tbody>
    </table>
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
          <FigureTable rows={[data.total]} />
          <Section title={t("By fund")} id="by-fund"><FigureTable rows={data.by_fund} /></Section>
          <Section title={t("By kind of cost")} id="by-kind"><FigureTable rows={data.by_category} /></Section>
        </>
      )}
    </Page>
  );
}
