import { query, useApi } from "../lib/api.js";
import { t, tn } from "../lib/i18n.js";
import { pending as waiting } from "../lib/queue-state.js";
import { currentUser, isStaff } from "../lib/session.js";
import { ActivityCard } from "../activities/parts.jsx";
import { ButtonLink, Empty, Loading, Page, Section, Tile } from "../ui/kit.jsx";

const isoDay = (date) => date.toISOString().slice(0, 10);

function ThisWeek({ user }) {
  const today = new Date();
  const path = "/activities" + query({
    from: isoDay(today), to: isoDay(new Date(today.getTime() + 7 * 864e5)),
    category: user.interests?.length ? user.interests : undefined, limit: 5,
  });
  const { data, offline } = useApi(path, { cache: true });
  const pending = waiting.value;
  return (
    <Section title={t("This week for you")} id="week">
      {offline && <p class="hint">{t("Offline")}</p>}
      {!data ? <Loading /> : data.items.length === 0
        ? <Empty>{t("Nothing this week that matches your interests.")}</Empty>
        : (
          <ul class="card-list">
            {data.items.map((a) => (
              <ActivityCard key={a.id} activity={a} pending={pending.some((p) => p.activityId === a.id)} />
            ))}
          </ul>
        )}
      <ButtonLink href="/activities" kind="secondary" icon="calendar">{t("All activities")}</ButtonLink>
    </Section>
  );
}

function MySignups() {
  const { data } = useApi("/me/activities", { cache: true });
  if (!data) return null;
  const upcoming = data.filter((a) => a.signup_status !== "cancelled");
  return (
    <Section title={t("You signed up for")} id="mine">
      {upcoming.length === 0 ? <Empty>{t("You have not signed up for anything yet.")}</Empty> : (
        <ul class="card-list">
          {upcoming.slice(0, 3).map((a) => <ActivityCard key={a.id} activity={a} />)}
        </ul>
      )}
      <ButtonLink href="/my-activities" kind="secondary">{t("My activities")}</ButtonLink>
    </Section>
  );
}

function Messages() {
  const { data } = useApi("/inbox?limit=3", { cache: true });
  if (!data) return null;
  return (
    <Section title={t("Messages")} id="messages">
      <p>{data.unread
        ? tn("You have {count} new message.", "You have {count} new messages.", data.unread)
        : t("No new messages.")}</p>
      <ButtonLink href="/inbox" kind="secondary" icon="bell">{t("Open my messages")}</ButtonLink>
    </Section>
  );
}

// Requests for support are handled by intermediaries: youth workers and admins always, mentors
// and contacts only when an admin marked them (funds/README.md). The session does not say who
// is marked, so for those two roles the queue itself is asked: 403 means not an intermediary.
const ALWAYS_INTERMEDIARIES = ["youth_worker", "admin"];
const MARKABLE = ["mentor", "contact"];

function SupportQueueTile({ user }) {
  const { data } = useApi(MARKABLE.includes(user.role) ? "/support-requests" : null);
  if (!ALWAYS_INTERMEDIARIES.includes(user.role) && !data) return null;
  return <li><Tile href="/support" icon="coins" label={t("Requests for support")} /></li>;
}

function StaffTiles({ user }) {
  return (
    <Section title={t("Your work")} id="work">
      <ul class="tiles">
        <li><Tile href="/staff/activities" icon="calendar" label={t("My activities")} /></li>
        <li><Tile href="/staff/activities/new" icon="plus" label={t("New activity")} /></li>
        <li><Tile href="/staff/invite" icon="qr" label={t("Invite a young person")} /></li>
        {["youth_worker", "admin"].includes(user.role) && (
          <li><Tile href="/notify" icon="megaphone" label={t("Send a message")} /></li>
        )}
        <SupportQueueTile user={user} />
      </ul>
    </Section>
  );
}

export default function Home() {
  const user = currentUser.value;
  if (!user) return <Loading />;
  return (
    <Page title={t("Hello {name}", { name: user.display_name })}>
      {isStaff(user) && <StaffTiles user={user} />}
      {user.role === "youth" && <ThisWeek user={user} />}
      {user.role === "youth" && <MySignups />}
      <Messages />
      <ul class="tiles">
        <li><Tile href="/help" icon="help" label={t("I need help with…")} /></li>
        {user.role === "youth" && (
          <li><Tile href="/support" icon="coins" label={t("Money for a club")} /></li>
        )}
        {user.role === "contact" && <SupportQueueTile user={user} />}
      </ul>
    </Page>
  );
}
