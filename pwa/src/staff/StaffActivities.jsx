import { useState } from "preact/hooks";
import { query } from "../lib/api.js";
import { t } from "../lib/i18n.js";
import { usePages } from "../lib/pages.js";
import { currentUser } from "../lib/session.js";
import { ActivityCard } from "../activities/parts.jsx";
import { Button, ButtonLink, Chip, Empty, ErrorNote, Loading, Page, Section, Tile } from "../ui/kit.jsx";

export default function StaffActivities() {
  const user = currentUser.value;
  const [status, setStatus] = useState("published");
  const list = usePages("/activities" + query({ status, limit: 20 }), { cache: true });
  return (
    <Page title={t("Manage")} offline={list.offline}>
      <ul class="tiles">
        <li><Tile href="/staff/activities/new" icon="plus" label={t("New activity")} /></li>
        <li><Tile href="/staff/invite" icon="qr" label={t("Invite a young person")} /></li>
        <li><Tile href="/staff/people" icon="people" label={t("People per young person")} /></li>
        <li><Tile href="/staff/contacts" icon="hands" label={t("People who help")} /></li>
        <li><Tile href="/staff/translations" icon="translate" label={t("Translations")} /></li>
        {["youth_worker", "admin"].includes(user?.role) && (
          <li><Tile href="/notify" icon="megaphone" label={t("Send a message")} /></li>
        )}
      </ul>
      <Section title={t("Activities")} id="list">
        <div class="chips" role="group" aria-label={t("Status")}>
          <Chip pressed={status === "published"} onClick={() => setStatus("published")}>{t("Published")}</Chip>
          <Chip pressed={status === "draft"} onClick={() => setStatus("draft")}>{t("Draft")}</Chip>
          <Chip pressed={status === "cancelled"} onClick={() => setStatus("cancelled")}>{t("Cancelled")}</Chip>
        </div>
        <ErrorNote error={list.error} />
        {!list.items && !list.error && <Loading />}
        {list.items?.length === 0 && <Empty>{t("No activities yet.")}</Empty>}
        <ul class="card-list">
          {list.items?.map((a) => <ActivityCard key={a.id} activity={a} />)}
        </ul>
        {list.more && (
          <Button kind="secondary" busy={list.loading} onClick={list.loadMore} data-more="activities">{t("Show more")}</Button>
        )}
        <ButtonLink href="/staff/activities/new" icon="plus">{t("New activity")}</ButtonLink>
      </Section>
    </Page>
  );
}
