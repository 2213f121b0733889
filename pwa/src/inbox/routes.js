import { t } from "../lib/i18n.js";

export default [
  { path: "/inbox", load: () => import("./Inbox.jsx"),
    nav: { label: () => t("Messages"), icon: "bell", order: 30 } },
  { path: "/inbox/:id", load: () => import("./InboxItem.jsx") },
];
