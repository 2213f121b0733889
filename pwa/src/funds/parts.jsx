// Shared bits of the support screens: the status badge, costs and a request card.
import { formatDay, formatMoney, t } from "../lib/i18n.js";
import { Link } from "../router.js";
import { Icon } from "../ui/icons.jsx";
import { UserText } from "../ui/kit.jsx";

const BADGES = { new: "", applied: "badge-warn", granted: "badge-ok", refused: "badge-bad",
                 paid_other_way: "badge-ok" };

export const KINDS = () => [
  { value: "sport", label: t("Sport") }, { value: "culture", label: t("Culture") },
  { value: "gear", label: t("Gear and clothes") }, { value: "transport", label: t("Transport") },
];

export const PERIODS = () => [
  { value: "year", label: t("a year") }, { value: "month", label: t("a month") },
  { value: "once", label: t("once") },
];

export function StatusBadge({ request }) {
  return <span class={`badge ${BADGES[request.status]}`} data-status={request.status}>{request.status_label}</span>;
}

export function costText(request) {
  const period = PERIODS().find((p) => p.value === request.cost_period)?.label;
  return `${formatMoney(request.cost_cents)} ${period}`;
}

/** A grant's day with its year (a grant runs into the next year). */
const dayWithYear = (iso) => `${formatDay(iso)} ${iso.slice(0, 4)}`;

export function grantText(request) {
  return t("{amount} paid to {club}, from {start} to {end}", {
    amount: formatMoney(request.granted_cents), club: request.paid_to,
    start: dayWithYear(request.grant_start), end: dayWithYear(request.grant_end) });
}

export function RequestCard({ request, staff }) {
  return (
    <li>
      <Link class="card" href={`/support/${request.id}`} data-request={request.id}>
        <h3><UserText text={request.club} /></h3>
        <p class="meta">
          <StatusBadge request={request} />
          <span><Icon name="euro" />{costText(request)}</span>
          {staff && <span><Icon name="people" /><bdi>{request.youth.name}</bdi></span>}
          {staff && request.stale && <span class="badge badge-bad">{t("No step for a week")}</span>}
        </p>
      </Link>
    </li>
  );
}
