import { useApi } from "../lib/api.js";
import { t } from "../lib/i18n.js";
import { pending as waiting } from "../lib/queue-state.js";
import { ButtonLink, Empty, ErrorNote, Loading, Page } from "../ui/kit.jsx";
import { ActivityCard } from "./parts.jsx";

export default function MyActivities() {
  const { data, error, offline } = useApi("/me/activities", { cache: true });
  const pending = waiting.value;
  return (
    <Page title={t("My activities")} back="/" offline={offline}>
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data && data.length === 0 && (
        <Empty>{t("You have not signed up for anything yet.")}</Empty>
      )}
      {data && (
        <ul class="card-list">
          {data.map((a) => (
            <ActivityCard key={a.id} activity={a} level={2} pending={pending.some((p) => p.activityId === a.id)} />
          ))}
        </ul>
      )}
      <ButtonLink href="/activities" kind="secondary" icon="calendar">{t("Find activities")}</ButtonLink>
    </Page>
  );
}
