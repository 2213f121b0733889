// Intermediaries: youth workers and admins, and mentors or contacts an admin marked (the server
// answers 403 to the others; the screens say so).
const STAFF = ["mentor", "youth_worker", "contact", "admin"];

export default [
  { path: "/support", load: () => import("./Requests.jsx") },
  { path: "/support/new", roles: ["youth"], load: () => import("./AskForm.jsx") },
  { path: "/support/figures", roles: STAFF, load: () => import("./Figures.jsx") },
  { path: "/support/funds", roles: STAFF, load: () => import("./Funds.jsx") },
  { path: "/support/:id", load: () => import("./RequestDetail.jsx") },
];

export const supportLabel = () => t("Money for a club");
