import { ImClient, newClientMsgId } from "@chatforge/im-sdk";
import "./style.css";
import { authView } from "./views/auth.js";
import { appView } from "./views/app.js";
import { worker } from "./notifications.js";

/**
 * The web client. Session and device id live in sessionStorage: each tab is its own device
 * (two tabs with one device id would keep replacing each other's connection), and a reload keeps
 * the session.
 */
const root = document.getElementById("app")!;
const storage = window.sessionStorage;
let deviceId = storage.getItem("chatforge.deviceId");
if (!deviceId) {
  deviceId = `web-${newClientMsgId().slice(0, 8)}`;
  storage.setItem("chatforge.deviceId", deviceId);
}

const client = new ImClient({ baseUrl: location.origin, deviceId, deviceType: "web", storage });
(window as any).imClient = client; // for the console and the browser tests

function showLogin(notice?: string): void {
  authView(root, client, showApp, notice);
}

function showApp(): void {
  appView(root, client, () => showLogin());
}

void worker()?.catch(() => {}); // shows push notifications; without it the app works as before

client.on("sessionExpired", () => showLogin("Your session ended. Please log in again."));

if (client.session.loggedIn) showApp();
else showLogin();
