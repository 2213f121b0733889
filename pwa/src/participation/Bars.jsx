import "./participation.css";

/** One horizontal bar a phone shows at a glance; the number is always written beside it. */
export function Bar({ label, value, max, text }) {
  const width = max > 0 ? Math.round((100 * (value || 0)) / max) : 0;
  return (
    <div class="bar-row">
      <div class="bar-label"><bdi>{label}</bdi><span>{text}</span></div>
      <div class="bar-track" aria-hidden="true"><div class="bar-fill" style={{ width: `${width}%` }} /></div>
    </div>
  );
}
