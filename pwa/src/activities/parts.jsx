// Pieces shared by the activity screens (list, detail, my activities, staff lists).
import { formatDay, formatMoney, formatTime, t } from "../lib/i18n.js";
import { languageName } from "../lib/languages.js";
import { Link } from "../router.js";
import { Icon } from "../ui/icons.jsx";
import { UserText } from "../ui/kit.jsx";
import { MachineMark } from "../ui/Translated.jsx";

export function when(activity) {
  return t("{day}, {start}–{end}", { day: formatDay(activity.starts_at),
    start: formatTime(activity.starts_at), end: formatTime(activity.ends_at) });
}

export function costLine(activity) {
  return activity.free || !activity.cost_cents ? t("Free")
    : t("Costs {amount}", { amount: formatMoney(activity.cost_cents) });
}

export function transportLine(activity) {
  if (activity.transport === "pick_up") return t("We pick you up");
  if (activity.transport === "together") return t("We travel there together");
  return "";
}

export function SignupBadge({ status, pending }) {
  if (pending) return <span class="badge badge-warn">{t("Waiting to be sent")}</span>;
  if (status === "confirmed") return <span class="badge badge-ok">{t("You are going")}</span>;
  if (status === "waitlisted") return <span class="badge badge-warn">{t("On the waiting list")}</span>;
  return null;
}

export function StatusBadge({ status }) {
  if (status === "cancelled") return <span class="badge badge-bad">{t("Cancelled")}</span>;
  if (status === "draft") return <span class="badge">{t("Draft")}</span>;
  return null;
}

export function ActivityCard({ activity, href, pending, children, level = 3 }) {
  const text = activity.text || {};
  const Heading = `h${level}`;
  return (
    <li>
      <Link class="card" href={href || `/activities/${activity.id}`}>
        <Heading><UserText text={text.title} language={text.language} /></Heading>
        <p class="meta">
          <span><Icon name="clock" />{when(activity)}</span>
          <span><Icon name="pin" /><UserText text={activity.venue_name} /></span>
          <span><Icon name="euro" />{costLine(activity)}</span>
          {transportLine(activity) && <span><Icon name="bus" />{transportLine(activity)}</span>}
        </p>
        <p class="meta">
          <StatusBadge status={activity.status} />
          <SignupBadge status={activity.my_signup || activity.signup_status} pending={pending} />
          {text.fallback && (
            <span>{t("Shown in {language}", { language: languageName(text.language) })}</span>
          )}
          <MachineMark text={text} />
        </p>
        {children}
      </Link>
    </li>
  );
}
