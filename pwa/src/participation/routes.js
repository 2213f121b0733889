import { t } from "../lib/i18n.js";

const STAFF = ["mentor", "youth_worker", "admin", "contact"];

export default [
  { path: "/checkin", roles: ["youth"], load: () => import("./CheckIn.jsx"),
    nav: { label: () => t("Check in"), icon: "qr", order: 15 } },
  { path: "/my-year", roles: ["youth"], load: () => import("./MyYear.jsx"),
    nav: { label: () => t("My year"), icon: "star", order: 45 } },
  { path: "/my-year/print", roles: ["youth"], load: () => import("./YearPrint.jsx") },
  { path: "/statements/:token", public: true, load: () => import("./StatementCheck.jsx") },
  { path: "/staff/checkin", roles: STAFF, load: () => import("./TodayList.jsx"),
    nav: { label: () => t("Check-in"), icon: "check", order: 62 } },
  { path: "/staff/activities/:id/checkin", roles: STAFF, load: () => import("./DoorList.jsx") },
  { path: "/staff/figures", roles: ["mentor", "youth_worker"], load: () => import("./Figures.jsx"),
    nav: { label: () => t("Figures"), icon: "people", order: 65 } },
];
