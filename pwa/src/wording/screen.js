// What "Suggest a better wording" needs to remember across the navigation to its screen:
// the texts the screen drew and where to go back to (sessionStorage survives a reload).
const KEY = "meedoen.wording.screen";

export const TEAM_LANGUAGES = new Set(["nl", "en"]);

export function rememberScreen(path, msgids) {
  try { sessionStorage.setItem(KEY, JSON.stringify({ path, msgids })); } catch { /* private */ }
}

export function rememberedScreen() {
  try { return JSON.parse(sessionStorage.getItem(KEY)) || { path: "/", msgids: [] }; }
  catch { return { path: "/", msgids: [] }; }
}
