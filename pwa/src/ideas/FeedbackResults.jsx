// Organisers: the feedback on their activities of the last month.
import { useApi } from "../lib/api.js";
import { formatDay, t } from "../lib/i18n.js";
import { Link } from "../router.js";
import { Empty, ErrorNote, Loading, Page, UserText } from "../ui/kit.jsx";
import { Totals, answered } from "./FeedbackTotals.jsx";

export default function FeedbackResults() {
  const { data, error } = useApi("/feedback");
  return (
    <Page title={t("Feedback after activities")} back="/ideas">
      <p class="hint">{t("The day after an activity, young people can say in one tap whether they liked it.")}</p>
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data && data.length === 0 && <Empty>{t("No activities in the last month.")}</Empty>}
      {data && data.length > 0 && (
        <ul class="card-list">
          {data.map((a) => (
            <li key={a.activity_id}>
              <Link class="card" href={`/activities/${a.activity_id}/feedback`}>
                <h2><UserText text={a.text.title} language={a.text.language} /></h2>
                <p class="meta"><span>{formatDay(a.starts_at)}</span><span>{answered(a.responses)}</span></p>
                {a.shown && <Totals totals={a} />}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
