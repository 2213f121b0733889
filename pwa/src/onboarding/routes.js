export default [
  { path: "/welcome", public: true, load: () => import("./Welcome.jsx") },
  { path: "/welcome/code", public: true, load: () => import("./Redeem.jsx") },
  { path: "/login", public: true, load: () => import("./Login.jsx") },
  { path: "/welcome/privacy", load: () => import("./Privacy.jsx") },
  { path: "/welcome/interests", load: () => import("./Interests.jsx") },
];
