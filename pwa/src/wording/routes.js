import "./footer.css";

export default [
  { path: "/wording/suggest", load: () => import("./Suggest.jsx") },
  { path: "/wording/review", load: () => import("./Review.jsx") },
  { path: "/wording/reviewers", roles: ["admin"], load: () => import("./Reviewers.jsx") },
];
