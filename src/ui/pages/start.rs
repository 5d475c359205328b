//! The start page: what the tool does, how long it takes, where data is kept.

use leptos::prelude::*;

use crate::state::use_app;
use crate::ui::paths;
use crate::ui::shell::PageHeading;

#[component]
pub fn StartPage() -> impl IntoView {
    let state = use_app();
    let has_draft =
        move || !state.plan.with(|p| p.is_empty()) || state.unsaved.with(|u| !u.is_empty());
    view! {
        <div class="grid-two-thirds">
            <PageHeading text="Elabore el plan de acción local de gobierno abierto de su estado o municipio" />
            <p class="lead">
                "Esta herramienta le guía paso a paso por la metodología para articular su plan local con el Plan de Acción Nacional de México en la Alianza para el Gobierno Abierto y con la Agenda 2030."
            </p>
            <p>"Con ella puede:"</p>
            <ul class="list list--bullet">
                <li>"registrar el perfil de su jurisdicción, el compromiso político y el espacio de coordinación con la sociedad civil"</li>
                <li>"planear la cocreación y anotar los problemas públicos que el plan atenderá"</li>
                <li>"escribir cada compromiso en el formato de ficha del plan nacional: responsables, objetivos, alineación, acciones clave con su ponderación, indicadores y actividades"</li>
                <li>"planear el seguimiento y dar respuesta razonada a cada propuesta"</li>
                <li>"exportar el plan en PDF para compartirlo con el espacio de coordinación"</li>
                <li>"descargar su borrador y abrirlo en otro equipo"</li>
            </ul>
            <p>
                "Un plan completo se elabora en varias semanas, con la sociedad civil. Puede dejar el trabajo y regresar cuando quiera: el borrador se guarda solo, en este navegador."
            </p>
            <div class="inset">
                "Sus datos no salen de este equipo. Nadie más puede verlos, ni siquiera quienes hicieron esta herramienta. Si usa una computadora compartida, descargue su borrador y bórrelo al terminar."
            </div>
            <div class="button-group">
                <a class="button button--start" href=paths::TASKS role="button" draggable="false">
                    {move || if has_draft() { "Continuar con su borrador" } else { "Comenzar" }}
                </a>
                <a class="link" href=paths::OPEN>"Abrir un borrador"</a>
            </div>
            <h2 class="heading-m">"¿Todavía no sabe si su gobierno está listo?"</h2>
            <p class="body">
                "Conteste 15 preguntas sobre coordinación, metodología, seguimiento, Agenda 2030 e igualdad. Sabrá dónde está y qué hacer primero, en unos 15 minutos."
            </p>
            <p><a class="button button--secondary" href=paths::READINESS role="button">"Evaluar la preparación de mi municipio"</a></p>
            <h2 class="heading-m">"¿Coordina la articulación con el plan nacional?"</h2>
            <p class="body">
                "Si recibió planes locales hechos con esta herramienta, reúnalos en una sola vista: qué compromisos nacionales replican o complementan, en qué estados y cuántas acciones suman. No necesita un borrador propio."
            </p>
            <p><a class="link" href=paths::ARTICULATION>"Articulación nacional: reúna varios planes locales"</a></p>
            <h2 class="heading-m">"¿Le pidieron revisar un plan?"</h2>
            <p class="body">
                "Abra el PDF o el archivo del borrador que recibió, escriba sus observaciones junto a cada paso o compromiso y descárguelas en un archivo para el equipo que redacta el plan. El plan no cambia."
            </p>
            <p><a class="link" href=paths::COMMENTS>"Observaciones: revisar un plan"</a></p>
        </div>
    }
}
