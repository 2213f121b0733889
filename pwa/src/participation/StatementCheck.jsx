import { useApi } from "../lib/api.js";
import { t, tn } from "../lib/i18n.js";
import { Loading, Page } from "../ui/kit.jsx";

/** Public: a job coach or school checks a statement; it shows only what the statement says. */
export default function StatementCheck({ params }) {
  const { data, error } = useApi(`/statements/${encodeURIComponent(params.token)}`);
  return (
    <Page title={t("Participation statement")}>
      {error && <p class="note note-error" role="alert">{t("This statement is not valid.")}</p>}
      {!data && !error && <Loading />}
      {data && <div class="card" data-valid>
        <p class="note note-ok">{t("This statement is real.")}</p>
        <p><bdi>{data.display_name}</bdi> · {data.municipality} · {data.year}</p>
        <p>{tn("{count} activity", "{count} activities", data.activities)}</p>
        <p>{t("Volunteering or helping organise: {hours} hours", { hours: data.volunteer_hours })}</p>
        <p class="hint">{t("Issued on {date}", { date: data.issued_on })}</p>
      </div>}
    </Page>
  );
}
