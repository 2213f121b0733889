// The web app manifest (names are the brand; the app itself is translated at run time).
export const manifest = {
  name: "Meedoen",
  short_name: "Meedoen",
  description: "Activities, people who help and messages, in your own language.",
  lang: "nl",
  dir: "auto",
  start_url: "/",
  scope: "/",
  display: "standalone",
  background_color: "#ffffff",
  theme_color: "#0b5cad",
  icons: [
    { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
    { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
    { src: "/icon-512-maskable.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
  ],
};
