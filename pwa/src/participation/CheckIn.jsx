import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../lib/i18n.js";
import { Button, ButtonLink, ErrorNote, Page, TextField } from "../ui/kit.jsx";
import { sendCheckin } from "./send.js";

/** The phone camera where the browser can read QR codes (BarcodeDetector). */
function Scanner({ onCode }) {
  const video = useRef(null);
  useEffect(() => {
    let stream, timer, stopped = false;
    (async () => {
      const detector = new self.BarcodeDetector({ formats: ["qr_code"] });
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
      if (stopped) return;
      video.current.srcObject = stream;
      await video.current.play();
      timer = setInterval(async () => {
        const [found] = await detector.detect(video.current).catch(() => []);
        if (found?.rawValue) onCode(found.rawValue);
      }, 400);
    })().catch(() => {});
    return () => { stopped = true; clearInterval(timer); stream?.getTracks().forEach((x) => x.stop()); };
  }, []);
  return <video ref={video} class="scanner" muted playsInline aria-label={t("Scan the QR code")} />;
}

export default function CheckIn() {
  const [code, setCode] = useState("");
  const [state, setState] = useState({});
  const [scan, setScan] = useState(false);
  const send = async (text) => {
    const value = text.trim();
    if (!value) return;
    setScan(false);
    setState({ busy: true });
    try {
      setState(await sendCheckin("/checkins", { code: value }, value));
    } catch (error) {
      setState({ error });
    }
  };
  const canScan = typeof self.BarcodeDetector === "function" && navigator.mediaDevices;
  return (
    <Page title={t("Check in")}>
      <p>{t("At the activity: scan the QR code of the organiser, or type the short code.")}</p>
      {state.done && <p class="note note-ok" role="status" data-checked-in>
        {t("You are checked in.")}</p>}
      {state.queued && <p class="note note-offline" role="status">
        {t("You are offline. Your check-in will be sent when you are online again.")}</p>}
      <ErrorNote error={state.error} />
      {canScan && (scan ? <Scanner onCode={send} />
        : <Button icon="qr" onClick={() => setScan(true)}>{t("Scan the QR code")}</Button>)}
      <form onSubmit={(e) => { e.preventDefault(); send(code); }}>
        <TextField label={t("Or type the code")} value={code} onValue={setCode} autocomplete="off"
          name="code" dir="ltr" />
        <Button type="submit" busy={state.busy} icon="check">{t("I am here")}</Button>
      </form>
      <div class="btn-row">
        <ButtonLink kind="secondary" href="/my-year" icon="star">{t("My year")}</ButtonLink>
      </div>
    </Page>
  );
}
