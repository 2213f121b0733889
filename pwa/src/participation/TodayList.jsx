import { useApi, query } from "../lib/api.js";
import { formatDateTime, t } from "../lib/i18n.js";
import { currentUser } from "../lib/session.js";
import { ButtonLink, Empty, ErrorNote, Loading, Page } from "../ui/kit.jsx";

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());

/** Today's activities, each with its door list. */
export default function TodayList() {
  const user = currentUser.value;
  const day = today();
  const { data, error } = useApi("/activities" + query({ date_from: day, date_to: day }));
  return (
    <Page title={t("Check-in")} back="/staff/activities">
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data?.items.length === 0 && <Empty>{t("No activities today.")}</Empty>}
      <ul class="card-list">
        {data?.items.map((a) => (
          <li key={a.id}><a href={`/staff/activities/${a.id}/checkin`}>
            <bdi>{a.text.title}</bdi> · {formatDateTime(a.starts_at)}</a></li>
        ))}
      </ul>
      {["mentor", "youth_worker", "admin"].includes(user?.role) && (
        <div class="btn-row"><ButtonLink kind="secondary" href="/staff/figures" icon="people">{t("Figures")}</ButtonLink></div>
      )}
    </Page>
  );
}
