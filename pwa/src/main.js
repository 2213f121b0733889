// The PWA issue builds the app here.
document.getElementById("app").textContent = "Meedoen";
