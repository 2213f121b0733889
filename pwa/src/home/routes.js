import { t } from "../lib/i18n.js";

export default [
  { path: "/", load: () => import("./Home.jsx"),
    nav: { label: () => t("Home"), icon: "home", order: 0 } },
];
