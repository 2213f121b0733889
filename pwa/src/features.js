// Every feature's screens: ONE line per feature (see pwa/README-pwa.md).
export { default as onboarding } from "./onboarding/routes.js";
export { default as home } from "./home/routes.js";
export { default as activities } from "./activities/routes.js";
export { default as help } from "./help/routes.js";
export { default as inbox } from "./inbox/routes.js";
export { default as staff } from "./staff/routes.js";
export { default as notify } from "./notify/routes.js";
export { default as settings } from "./settings/routes.js";
export { default as ideas } from "./ideas/routes.js";
export { default as wording } from "./wording/routes.js";
export { default as participation } from "./participation/routes.js";
export { default as funds } from "./funds/routes.js";
