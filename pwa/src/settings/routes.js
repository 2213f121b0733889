import { t } from "../lib/i18n.js";

export default [
  { path: "/settings", load: () => import("./Settings.jsx"),
    nav: { label: () => t("Settings"), icon: "settings", order: 90, place: "top" } },
];
