import { t } from "../lib/i18n.js";

const STAFF = ["mentor", "youth_worker", "admin", "contact"];

// In the top bar: the bottom bar is full (a sixth item wraps it onto a second row).
// "My year" and the figures are reached from the check-in screens.
export default [
  { path: "/checkin", roles: ["youth"], load: () => import("./CheckIn.jsx"),
    nav: { label: () => t("Check in"), icon: "qr", order: 80, place: "top" } },
  { path: "/my-year", roles: ["youth"], load: () => import("./MyYear.jsx") },
  { path: "/my-year/print", roles: ["youth"], load: () => import("./YearPrint.jsx") },
  { path: "/statements/:token", public: true, load: () => import("./StatementCheck.jsx") },
  { path: "/staff/checkin", roles: STAFF, load: () => import("./TodayList.jsx"),
    nav: { label: () => t("Check-in"), icon: "check", order: 80, place: "top" } },
  { path: "/staff/activities/:id/checkin", roles: STAFF, load: () => import("./DoorList.jsx") },
  { path: "/staff/figures", roles: ["mentor", "youth_worker", "admin"], load: () => import("./Figures.jsx") },
];
