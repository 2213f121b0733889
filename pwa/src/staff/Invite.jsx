import { useState } from "preact/hooks";
import { generate } from "lean-qr";
import { toSvgPath } from "lean-qr/extras/svg";
import { useAction } from "../lib/action.js";
import { api } from "../lib/api.js";
import { formatDateTime, t } from "../lib/i18n.js";
import { Button, ErrorNote, Page } from "../ui/kit.jsx";

function QrCode({ text, label }) {
  const code = generate(text);
  const pad = 4;
  return (
    <svg class="qr" viewBox={`${-pad} ${-pad} ${code.size + 2 * pad} ${code.size + 2 * pad}`}
      role="img" aria-label={label} shape-rendering="crispEdges">
      <rect x={-pad} y={-pad} width={code.size + 2 * pad} height={code.size + 2 * pad} fill="#fff" />
      <path d={toSvgPath(code)} fill="#000" />
    </svg>
  );
}

export default function Invite() {
  const [invite, setInvite] = useState(null);
  const { busy, error, run: create } = useAction(async () => {
    setInvite(await api("/invites", { method: "POST", body: { role: "youth" } }));
  });
  const link = invite && `${location.origin}/welcome/code?code=${encodeURIComponent(invite.code)}`;
  return (
    <Page title={t("Invite a young person")} back="/staff/activities">
      <p>{t("The young person scans the code with their phone camera, or types the code in the app. Each code works once.")}</p>
      <ErrorNote error={error} />
      {invite ? (
        <div class="card">
          <p>{t("Invite code")}</p>
          <p class="big-code" aria-live="polite">{invite.code}</p>
          <QrCode text={link} label={t("QR code with the invite code {code}", { code: invite.code })} />
          <p class="hint">{t("Valid until {date}", { date: formatDateTime(invite.expires_at) })}</p>
          <Button kind="secondary" onClick={create} busy={busy}>{t("Make another code")}</Button>
        </div>
      ) : (
        <Button icon="qr" onClick={create} busy={busy}>{t("Make an invite code")}</Button>
      )}
    </Page>
  );
}
