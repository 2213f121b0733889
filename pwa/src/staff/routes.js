import { t } from "../lib/i18n.js";

const STAFF = ["mentor", "youth_worker", "admin"];

export default [
  { path: "/staff/activities", roles: STAFF, load: () => import("./StaffActivities.jsx"),
    nav: { label: () => t("Manage"), icon: "briefcase", order: 60 } },
  { path: "/staff/activities/new", roles: STAFF, load: () => import("./ActivityEditor.jsx") },
  { path: "/staff/activities/:id/edit", roles: STAFF, load: () => import("./ActivityEditor.jsx") },
  { path: "/staff/activities/:id/signups", roles: [...STAFF, "contact"], load: () => import("./Signups.jsx") },
  { path: "/staff/invite", roles: STAFF, load: () => import("./Invite.jsx") },
  { path: "/staff/people", roles: STAFF, load: () => import("./Coverage.jsx") },
  { path: "/staff/translations", roles: STAFF, load: () => import("./TranslationCoverage.jsx") },
  { path: "/staff/contacts", roles: STAFF, load: () => import("./StaffContacts.jsx") },
  { path: "/staff/contacts/new", roles: STAFF, load: () => import("./ContactEditor.jsx") },
  { path: "/staff/contacts/:id/edit", roles: STAFF, load: () => import("./ContactEditor.jsx") },
];
