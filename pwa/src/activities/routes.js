import { t } from "../lib/i18n.js";

export default [
  { path: "/activities", load: () => import("./ActivityList.jsx"),
    nav: { label: () => t("Activities"), icon: "calendar", order: 10 } },
  { path: "/activities/:id", load: () => import("./ActivityDetail.jsx") },
  { path: "/my-activities", roles: ["youth"], load: () => import("./MyActivities.jsx") },
];
