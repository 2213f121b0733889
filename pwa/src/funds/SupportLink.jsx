// On an activity with a cost: a young person can ask for support with it.
import { t } from "../lib/i18n.js";
import { currentUser } from "../lib/session.js";
import { Link } from "../router.js";
import { Icon } from "../ui/icons.jsx";

export function SupportLink({ activity }) {
  const user = currentUser.value;
  if (user?.role !== "youth" || !activity.cost_cents || activity.free) return null;
  return (
    <li><Link href={`/support/new?activity=${activity.id}`} data-ask-support>
      <Icon name="coins" />{t("Money is a problem? Ask for support with the costs")}
    </Link></li>
  );
}
