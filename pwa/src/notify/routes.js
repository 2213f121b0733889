const SENDERS = ["youth_worker", "admin"];

export default [
  { path: "/notify", roles: SENDERS, load: () => import("./Sent.jsx") },
  { path: "/notify/new", roles: SENDERS, load: () => import("./Compose.jsx") },
  { path: "/notify/:id", roles: SENDERS, load: () => import("./Figures.jsx") },
];
