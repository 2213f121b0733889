// Pictograms: 24×24, drawn with a 2 px stroke in the current text colour. Decorative by default
// (aria-hidden); the text next to them carries the meaning.
const C = (cx, cy, r) => `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;

const PATHS = {
  home: "M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10",
  house: "M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10",
  calendar: "M4 5h16v16H4zM4 10h16M8 3v4M16 3v4",
  help: C(12, 12, 9) + "M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7v.5M12 17v.5",
  bell: "M6 16v-5a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0",
  settings: "M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1" + C(15, 6, 2) + C(9, 12, 2) + C(17, 18, 2),
  briefcase: "M3 7h18v13H3zM9 7V4h6v3M3 13h18",
  megaphone: "M3 10v4h3l8 5V5L6 10zM17 9a4 4 0 0 1 0 6M6 14l1 5h3l-1-4",
  bulb: "M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z",
  ball: C(12, 12, 9) + "M12 7l4 3-1.5 5h-5L8 10zM12 3v4M21 10l-5 0M3 10h5M7 20l2.5-5M17 20l-2.5-5",
  dance: C(12, 4, 2) + "M12 7v7l-3 7M12 14l4 7M6 9l6-1 6-3",
  music: "M9 18V5l11-2v13" + C(6, 18, 3) + C(17, 16, 3),
  palette: "M12 3a9 9 0 1 0 0 18c1 0 1.5-.8 1.5-1.5 0-1.2-1-1.5-1-2.5s.8-1.5 2-1.5H17a4 4 0 0 0 4-4c0-4.7-4-8.5-9-8.5z" + C(8, 10, 1) + C(12, 7, 1) + C(16, 10, 1),
  globe: C(12, 12, 9) + "M3 12h18M12 3c3.5 3 3.5 15 0 18M12 3c-3.5 3-3.5 15 0 18",
  star: "M12 3l2.8 5.9 6.2.8-4.5 4.3 1.1 6.2L12 17.3l-5.6 2.9 1.1-6.2L3 9.7l6.2-.8z",
  pot: "M4 10h16v6a4 4 0 0 1-4 4H8a4 4 0 0 1-4-4zM2 10h20M9 7c0-1.5 1-1.5 1-3M14 7c0-1.5 1-1.5 1-3",
  party: "M4 20l5-13 8 8zM14 3v3M19 9h2M17 6l2-2M8 12l4 4",
  dice: "M4 4h16v16H4z" + C(8.5, 8.5, 1) + C(15.5, 15.5, 1) + C(12, 12, 1),
  tree: "M12 3l6 8h-4l5 7H5l5-7H6zM12 18v3",
  bus: "M5 3h14v15H5zM5 12h14M8 21v-3M16 21v-3M8 15h1M15 15h1",
  chat: "M4 5h16v11H10l-5 4v-4H4z",
  book: "M4 4h6a2 2 0 0 1 2 2v14a2 2 0 0 0-2-2H4zM20 4h-6a2 2 0 0 0-2 2v14a2 2 0 0 1 2-2h6z",
  hands: "M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.5A4 4 0 0 1 19 10c0 5.5-7 10-7 10zM12 10v5M9.5 12.5h5",
  dots: C(5, 12, 1.5) + C(12, 12, 1.5) + C(19, 12, 1.5),
  coins: "M5 7c0-1.7 3-3 7-3s7 1.3 7 3-3 3-7 3-7-1.3-7-3zM5 7v5c0 1.7 3 3 7 3s7-1.3 7-3V7M5 12v5c0 1.7 3 3 7 3s7-1.3 7-3v-5",
  family: C(7, 6, 2) + C(17, 6, 2) + C(12, 12, 1.6) + "M4 20v-7a3 3 0 0 1 6 0M14 13a3 3 0 0 1 6 0v7M9.5 20v-3a2.5 2.5 0 0 1 5 0v3",
  heart: "M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.5A4 4 0 0 1 19 10c0 5.5-7 10-7 10z",
  cloud: "M7 18h10a4 4 0 0 0 0-8 6 6 0 0 0-11.5 1.5A3.5 3.5 0 0 0 7 18z",
  scale: "M12 3v18M7 21h10M4 7h16M4 7l-2.5 6a2.5 2 0 0 0 5 0zM20 7l-2.5 6a2.5 2 0 0 0 5 0z",
  envelope: "M3 5h18v14H3zM3 6l9 7 9-7",
  phone: "M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z",
  whatsapp: C(12, 12, 9) + "M5 20l1.3-4M9 8.5c0 3.5 3 6.5 6.5 6.5l1-2-2-1-1 1a4 4 0 0 1-2.5-2.5l1-1-1-2z",
  pin: "M12 21s-7-6.5-7-12a7 7 0 0 1 14 0c0 5.5-7 12-7 12z" + C(12, 9, 2.5),
  speaker: "M3 9v6h4l5 4V5L7 9zM16 8a5 5 0 0 1 0 8M19 5a9 9 0 0 1 0 14",
  back: "M15 5l-7 7 7 7",
  check: "M4 12l5 5L20 6",
  clock: C(12, 12, 9) + "M12 7v5l3 3",
  people: C(9, 7, 3) + C(17, 8, 2.5) + "M3 20a6 6 0 0 1 12 0M15 14a5 5 0 0 1 6 5",
  plus: "M12 5v14M5 12h14",
  qr: "M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2zM14 18h2M18 14h2",
  euro: "M17 6a7 7 0 1 0 0 12M4 10h9M4 14h9",
  download: "M12 4v11M7 10l5 5 5-5M5 20h14",
  logout: "M10 4H5v16h5M15 8l4 4-4 4M19 12H9",
  trash: "M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13",
  moon: "M20 14A8 8 0 1 1 10 4a7 7 0 0 0 10 10z",
  send: "M3 11l18-8-8 18-2-8z",
  chart: "M4 20V10M10 20V4M16 20v-7M22 20H2",
  translate: "M3 5h10M8 3v2M5 5c1 4 4 7 7 8M11 5c-1 4-4 7-7 8M13 21l4-9 4 9M14.5 18h5",
};

export function Icon({ name, size = 24, label }) {
  const d = PATHS[name] || PATHS.dots;
  return (
    <svg class="icon" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor"
      stroke-width="2" stroke-linecap="round" stroke-linejoin="round" focusable="false"
      aria-hidden={label ? undefined : "true"} role={label ? "img" : undefined} aria-label={label}>
      <path d={d} />
    </svg>
  );
}
