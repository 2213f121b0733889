import { t } from "../lib/i18n.js";

export default [
  { path: "/help", load: () => import("./Topics.jsx"),
    // Staff reach it from the home screen; their bottom bar has room for their own work.
    navRoles: ["youth", "contact"],
    nav: { label: () => t("Help"), icon: "help", order: 20 } },
  { path: "/help/people", load: () => import("./MyPeople.jsx") },
  { path: "/help/ask", load: () => import("./Ask.jsx") },
  { path: "/help/questions", load: () => import("./Questions.jsx") },
  { path: "/help/questions/:id", load: () => import("./Question.jsx") },
  { path: "/help/:slug", load: () => import("./Topic.jsx") },
];
