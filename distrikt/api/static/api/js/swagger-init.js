// Start Swagger UI with the settings the docs view wrote into #swagger-settings (no inline script, for the CSP).
const swaggerSettings = JSON.parse(document.getElementById("swagger-settings").textContent);
window.ui = SwaggerUIBundle({ ...swaggerSettings, dom_id: "#swagger-ui" });
