import { t } from "../lib/i18n.js";

const ANSWERERS = ["mentor", "youth_worker", "admin"];
const ORGANISERS = [...ANSWERERS, "contact"];

export default [
  { path: "/ideas", load: () => import("./IdeaList.jsx"),
    nav: { label: () => t("Ideas"), icon: "bulb", order: 40 } },
  { path: "/ideas/new", roles: ["youth"], load: () => import("./IdeaForm.jsx") },
  { path: "/ideas/stats", roles: ANSWERERS, load: () => import("./IdeaStats.jsx") },
  { path: "/ideas/:id", load: () => import("./IdeaDetail.jsx") },
  { path: "/feedback", roles: ["youth"], load: () => import("./Feedback.jsx") },
  { path: "/feedback/results", roles: ORGANISERS, load: () => import("./FeedbackResults.jsx") },
  { path: "/activities/:id/feedback", roles: ORGANISERS, load: () => import("./FeedbackTotals.jsx") },
];
