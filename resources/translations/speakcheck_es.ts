<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AssessmentPage</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="254"/>
        <source>How answers are assessed</source>
        <translation>Cómo se evalúan las respuestas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="255"/>
        <source>Answers are transcribed and given a CEFR level by an AI service. Choose one; Test tells you whether it answers.</source>
        <translation>Las respuestas se transcriben y un servicio de IA les asigna un nivel MCER. Elige uno; «Probar» te dice si responde.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="258"/>
        <source>Now: {status}.</source>
        <translation>Ahora: {status}.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="262"/>
        <source>With OpenAI, using your API key</source>
        <translation>Con OpenAI, usando tu clave de API</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="265"/>
        <source>OpenAI API key</source>
        <translation>Clave de API de OpenAI</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="267"/>
        <source>set by OPENAI_API_KEY</source>
        <translation>definida por OPENAI_API_KEY</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="270"/>
        <source>•••• saved: leave empty to keep it</source>
        <translation>•••• guardada: déjalo vacío para conservarla</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="272"/>
        <source>sk-… (kept in the system keyring, never in a file)</source>
        <translation>sk-… (se guarda en el llavero del sistema, nunca en un archivo)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="273"/>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="294"/>
        <source>Test</source>
        <translation>Probar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="274"/>
        <source>Test the OpenAI key</source>
        <translation>Probar la clave de OpenAI</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="275"/>
        <source>OpenAI key test result</source>
        <translation>Resultado de la prueba de la clave de OpenAI</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="280"/>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="300"/>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="284"/>
        <source>With a compatible server (your own or your centre&apos;s)</source>
        <translation>Con un servidor compatible (el tuyo o el de tu centro)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="287"/>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="289"/>
        <source>Evaluation model</source>
        <translation>Modelo de evaluación</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="292"/>
        <source>Server API key, only if the server asks for one</source>
        <translation>Clave de API del servidor, solo si el servidor la pide</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="293"/>
        <source>only if the server asks for one</source>
        <translation>solo si el servidor la pide</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="295"/>
        <source>Test the server</source>
        <translation>Probar el servidor</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="296"/>
        <source>Server test result</source>
        <translation>Resultado de la prueba del servidor</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="298"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="299"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="307"/>
        <source>On this computer (the offline pack)</source>
        <translation>En este ordenador (el paquete sin conexión)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="308"/>
        <source>About assessing on this computer</source>
        <translation>Sobre la evaluación en este ordenador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="310"/>
        <source>Looking for the offline pack…</source>
        <translation>Buscando el paquete sin conexión…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="315"/>
        <source>Assess with OpenAI</source>
        <translation>Evaluar con OpenAI</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="316"/>
        <source>Assess with a compatible server</source>
        <translation>Evaluar con un servidor compatible</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="317"/>
        <source>Assess on this computer</source>
        <translation>Evaluar en este ordenador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="341"/>
        <source>Transcripts, fluency and vocabulary are measured here, and nothing leaves this computer. The CEFR level needs OpenAI or a server: add one later in Settings.</source>
        <translation>La transcripción, la fluidez y el vocabulario se miden aquí, y nada sale de este ordenador. El nivel MCER necesita OpenAI o un servidor: añade uno más adelante en Ajustes.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="385"/>
        <source>Enter your OpenAI API key, or press Skip to set it up later.</source>
        <translation>Escribe tu clave de API de OpenAI o pulsa Omitir para configurarla más tarde.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="389"/>
        <source>Enter the server&apos;s address, starting with http:// or https:// (like http://localhost:8000/v1), or press Skip.</source>
        <translation>Escribe la dirección del servidor, que empieza por http:// o https:// (como http://localhost:8000/v1), o pulsa Omitir.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="393"/>
        <source>Enter the model&apos;s name, like gpt-4o-mini, or press Skip.</source>
        <translation>Escribe el nombre del modelo, como gpt-4o-mini, o pulsa Omitir.</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="22"/>
        <source>Check in</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="26"/>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="28"/>
        <source>Candidate ID</source>
        <translation>ID del candidato</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="27"/>
        <source>as on the candidate&apos;s admission slip</source>
        <translation>como en la hoja de admisión del candidato</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="30"/>
        <source>Candidate name</source>
        <translation>Nombre del candidato</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="32"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="36"/>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="37"/>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="42"/>
        <source>Begin the speaking test</source>
        <translation>Empezar la prueba oral</translation>
    </message>
</context>
<context>
    <name>DayEdit</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/day_edit.py" line="21"/>
        <source>any day</source>
        <translation>cualquier día</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/day_edit.py" line="23"/>
        <source>{name} date</source>
        <translation>{name} (fecha)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/day_edit.py" line="24"/>
        <source>{description}; the lowest value, shown as “any day”, sets no limit</source>
        <translation>{description}; el valor más bajo, mostrado como «cualquier día», no pone límite</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="99"/>
        <source>Next candidate</source>
        <translation>Siguiente candidato</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="120"/>
        <source>Thank you. Your answers were submitted.</source>
        <translation>Gracias. Tus respuestas se han enviado.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="121"/>
        <source>Thank you. Your answer was submitted.</source>
        <translation>Gracias. Tu respuesta se ha enviado.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="124"/>
        <source>Your centre will give you your result.</source>
        <translation>Tu centro te dará el resultado.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="126"/>
        <source>Nothing was recorded.</source>
        <translation>No se grabó nada.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="130"/>
        <source>Your answers are being assessed…</source>
        <translation>Se están evaluando tus respuestas…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="131"/>
        <source>Your answer is being assessed…</source>
        <translation>Se está evaluando tu respuesta…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="132"/>
        <source>Assessing your answers…</source>
        <translation>Evaluando tus respuestas…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="133"/>
        <source>Assessing your answer…</source>
        <translation>Evaluando tu respuesta…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="153"/>
        <source>There was not enough speech to give an overall level. Your centre will tell you what happens next.</source>
        <translation>No hubo suficiente habla para dar un nivel global. Tu centro te dirá qué pasa ahora.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="155"/>
        <source>There was not enough speech to give a level. Your centre will tell you what happens next.</source>
        <translation>No hubo suficiente habla para dar un nivel. Tu centro te dirá qué pasa ahora.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="159"/>
        <source>Your overall level: {level}</source>
        <translation>Tu nivel global: {level}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="160"/>
        <source>Your level: {level}</source>
        <translation>Tu nivel: {level}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="168"/>
        <source>Your result is {under_review}: an examiner checks it before it is given. Your centre will give you your result.</source>
        <translation>Tu resultado está {under_review}: un examinador lo revisa antes de darlo. Tu centro te dará el resultado.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="175"/>
        <source>Your answer is saved. It will be assessed shortly; your centre will give you your result.</source>
        <translation>Tu respuesta está guardada. Se evaluará en breve; tu centro te dará el resultado.</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="41"/>
        <source>Click to dismiss</source>
        <translation>Haz clic para cerrar</translation>
    </message>
</context>
<context>
    <name>ExamFlow</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="105"/>
        <source>Checking the microphone…</source>
        <translation>Comprobando el micrófono…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="108"/>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="268"/>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="279"/>
        <source>Microphone: {name}</source>
        <translation>Micrófono: {name}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="109"/>
        <source>Starting the test…</source>
        <translation>Iniciando la prueba…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="116"/>
        <source>Microphone: none found</source>
        <translation>Micrófono: no se encontró ninguno</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="117"/>
        <source>none found</source>
        <translation>no se encontró ninguno</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="119"/>
        <source>The test was not started: no microphone. Connect one and press Start again.</source>
        <translation>La prueba no se inició: no hay micrófono. Conecta uno y vuelve a pulsar Empezar.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="135"/>
        <source>Starting the microphone…</source>
        <translation>Iniciando el micrófono…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="141"/>
        <source>Saving your answer…</source>
        <translation>Guardando tu respuesta…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="147"/>
        <source>Finishing the test…</source>
        <translation>Terminando la prueba…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="174"/>
        <source>Session resumed at part {part} of {parts} · question {number} of {of}. Record your answer when you are ready.</source>
        <translation>Sesión reanudada en la parte {part} de {parts} · pregunta {number} de {of}. Graba tu respuesta cuando estés listo.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="178"/>
        <source>Session resumed. Record your answer when you are ready.</source>
        <translation>Sesión reanudada. Graba tu respuesta cuando estés listo.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="230"/>
        <source>Microphone: checking…</source>
        <translation>Micrófono: comprobando…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="251"/>
        <source>The test could not start (see the message above). Press Start to try again.</source>
        <translation>No se pudo iniciar la prueba (mira el mensaje de arriba). Pulsa Empezar para intentarlo de nuevo.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="258"/>
        <source>Answer when you are ready: press Record (or Space).</source>
        <translation>Responde cuando estés listo: pulsa Grabar (o Espacio).</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="263"/>
        <source>Prepare your answer. Recording starts by itself when the time is up.</source>
        <translation>Prepara tu respuesta. La grabación empieza sola cuando se acabe el tiempo.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="281"/>
        <source>Recording – speak now. Press Stop (or Space) when you have finished.</source>
        <translation>Grabando: habla ahora. Pulsa Detener (o Espacio) cuando hayas terminado.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="290"/>
        <source>{elapsed} / {left} left</source>
        <translation>{elapsed} / quedan {left}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="298"/>
        <source>Your answer ({seconds} s) is saved.</source>
        <translation>Tu respuesta ({seconds} s) está guardada.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="302"/>
        <source>Microphone: lost</source>
        <translation>Micrófono: perdido</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="305"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="310"/>
        <source>Microphone: problem</source>
        <translation>Micrófono: problema</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="321"/>
        <source>The recording could not start, so the test was stopped; nothing was recorded. Press Start to try again.</source>
        <translation>La grabación no pudo empezar, así que la prueba se detuvo; no se grabó nada. Pulsa Empezar para intentarlo de nuevo.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="326"/>
        <source>The recording could not start.</source>
        <translation>La grabación no pudo empezar.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="334"/>
        <source>AI: transcribing</source>
        <translation>IA: transcribiendo</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="334"/>
        <source>AI: assessing</source>
        <translation>IA: evaluando</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="363"/>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="387"/>
        <source>AI: ready</source>
        <translation>IA: lista</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="379"/>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="383"/>
        <source>AI: waiting</source>
        <translation>IA: en espera</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="384"/>
        <source>Your answer is saved and will be assessed as soon as possible.</source>
        <translation>Tu respuesta está guardada y se evaluará lo antes posible.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="387"/>
        <source>This answer cannot be assessed.</source>
        <translation>Esta respuesta no se puede evaluar.</translation>
    </message>
</context>
<context>
    <name>ExamPage</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="70"/>
        <source>Your task</source>
        <translation>Tu tarea</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="72"/>
        <source>Speak</source>
        <translation>Habla</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="52"/>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="53"/>
        <source>Setup saved and in use.</source>
        <translation>Configuración guardada y en uso.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="54"/>
        <source>Not installed here. To assess on this computer, install SpeakCheck with its offline pack (pip install &quot;speakcheck-desktop[offline]&quot;), then start it again.</source>
        <translation>No está instalado aquí. Para evaluar en este ordenador, instala SpeakCheck con su paquete sin conexión (pip install &quot;speakcheck-desktop[offline]&quot;) y vuelve a iniciarlo.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="522"/>
        <source>Set up SpeakCheck</source>
        <translation>Configurar SpeakCheck</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="534"/>
        <source>Skip</source>
        <translation>Omitir</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="535"/>
        <source>Skip setup</source>
        <translation>Omitir la configuración</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="538"/>
        <source>Skip this step</source>
        <translation>Omitir este paso</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="539"/>
        <source>Skip setup: change nothing</source>
        <translation>Omitir la configuración: no cambiar nada</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="540"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="540"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="541"/>
        <source>Finish: save and use this setup</source>
        <translation>Finalizar: guardar y usar esta configuración</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="610"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>FormatPicker</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="83"/>
        <source>2. Choose what to do</source>
        <translation>2. Elige qué hacer</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="86"/>
        <source>Mock test: all three parts, as in a real speaking test</source>
        <translation>Simulacro: las tres partes, como en una prueba oral real</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="87"/>
        <source>Quick practice: one task</source>
        <translation>Práctica rápida: una tarea</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="88"/>
        <source>Practise one part:</source>
        <translation>Practicar una parte:</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="90"/>
        <source>Part to practise</source>
        <translation>Parte que practicar</translation>
    </message>
</context>
<context>
    <name>HistoryDock</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="305"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="311"/>
        <source>Filter by level</source>
        <translation>Filtrar por nivel</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="312"/>
        <source>All levels</source>
        <translation>Todos los niveles</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="316"/>
        <source>Filter by status</source>
        <translation>Filtrar por estado</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="317"/>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="323"/>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="325"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="323"/>
        <source>Sessions from this day</source>
        <translation>Sesiones desde este día</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="324"/>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="324"/>
        <source>Sessions up to this day, included</source>
        <translation>Sesiones hasta este día, incluido</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="325"/>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="333"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="334"/>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="335"/>
        <source>Retake a part</source>
        <translation>Repetir una parte</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="336"/>
        <source>Retake a part of this test</source>
        <translation>Repetir una parte de esta prueba</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="338"/>
        <source>Parts to retake</source>
        <translation>Partes que repetir</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="340"/>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="341"/>
        <source>Save report…</source>
        <translation>Guardar informe…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="342"/>
        <source>Save the score report of this session as a PDF</source>
        <translation>Guardar el informe de resultados de esta sesión como PDF</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="373"/>
        <source>Past sessions</source>
        <translation>Sesiones anteriores</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="99"/>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="109"/>
        <source>reviewed</source>
        <translation>revisado</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="119"/>
        <source>Part {number} · {part}</source>
        <translation>Parte {number} · {part}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="122"/>
        <source>1 question</source>
        <translation>1 pregunta</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="123"/>
        <source>{count} questions</source>
        <translation>{count} preguntas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="125"/>
        <source>{answered} of {questions} answered</source>
        <translation>{answered} de {questions} respondidas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="131"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="131"/>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="132"/>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="132"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="133"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="75"/>
        <source>SpeakCheck – speaking test</source>
        <translation>SpeakCheck – prueba oral</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="89"/>
        <source>Sync: starting…</source>
        <translation>Sincronización: iniciando…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="89"/>
        <source>Sync: off</source>
        <translation>Sincronización: desactivada</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="90"/>
        <source>Nothing waiting.</source>
        <translation>Nada en espera.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="96"/>
        <source>SpeakCheck speaking test</source>
        <translation>Prueba oral de SpeakCheck</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="100"/>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="103"/>
        <source>Operator menu (PIN)</source>
        <translation>Menú del operador (PIN)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="106"/>
        <source>Candidate</source>
        <translation>Candidato</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="170"/>
        <source>Preparing your task…</source>
        <translation>Preparando tu tarea…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="192"/>
        <source>There is no mock test at {level} in this kiosk&apos;s task bank: ask the operator.</source>
        <translation>No hay ningún simulacro de nivel {level} en el banco de tareas de este quiosco: pregunta al operador.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="207"/>
        <source>Candidate {id}</source>
        <translation>Candidato {id}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="235"/>
        <source>The test could not start (see the message above). Press Begin to try again, or ask the operator.</source>
        <translation>No se pudo iniciar la prueba (mira el mensaje de arriba). Pulsa Empezar para intentarlo de nuevo o pregunta al operador.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="328"/>
        <source>{level} (set by the centre)</source>
        <translation>{level} (fijado por el centro)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="368"/>
        <source>No operator PIN is set for this kiosk: set one with “speakcheck kiosk-pin”.</source>
        <translation>Este quiosco no tiene PIN de operador: define uno con «speakcheck kiosk-pin».</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="251"/>
        <source>Microphone level</source>
        <translation>Nivel del micrófono</translation>
    </message>
</context>
<context>
    <name>LevelPicker</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="56"/>
        <source>1. Choose your level</source>
        <translation>1. Elige tu nivel</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="61"/>
        <source>Level {level}</source>
        <translation>Nivel {level}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="46"/>
        <source>SpeakCheck – CEFR speaking practice</source>
        <translation>SpeakCheck – práctica oral MCER</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="62"/>
        <source>4. Speak</source>
        <translation>4. Habla</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="90"/>
        <source>Settings…</source>
        <translation>Ajustes…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="94"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="95"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="100"/>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="102"/>
        <source>Your level, sub-scores and fluency over time (Ctrl+P)</source>
        <translation>Tu nivel, tus puntuaciones parciales y tu fluidez a lo largo del tiempo (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="106"/>
        <source>Review answers…</source>
        <translation>Revisar respuestas…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="107"/>
        <source>For examiners: review the AI&apos;s results, mark answers, see the agreement</source>
        <translation>Para examinadores: revisar los resultados de la IA, calificar respuestas, ver la concordancia</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="113"/>
        <source>Set up SpeakCheck…</source>
        <translation>Configurar SpeakCheck…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="114"/>
        <source>The microphone, how answers are assessed, and sync: three short steps</source>
        <translation>El micrófono, cómo se evalúan las respuestas y la sincronización: tres pasos cortos</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="116"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="118"/>
        <source>Sync: starting…</source>
        <translation>Sincronización: iniciando…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="119"/>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="261"/>
        <source>AI: ready</source>
        <translation>IA: lista</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="120"/>
        <source>Microphone: not checked</source>
        <translation>Micrófono: sin comprobar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="159"/>
        <source>Sync: off</source>
        <translation>Sincronización: desactivada</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="166"/>
        <source>none found</source>
        <translation>no se encontró ninguno</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="197"/>
        <source>End the test</source>
        <translation>Terminar la prueba</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="198"/>
        <source>End the test now? {left} question(s) will stay unanswered, and an ended test cannot be resumed. The answers you gave are kept and assessed.</source>
        <translation>¿Terminar la prueba ahora? {left} pregunta(s) quedarán sin responder, y una prueba terminada no se puede reanudar. Las respuestas que diste se conservan y se evalúan.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="223"/>
        <source>There is no mock test at {level} in the task bank.</source>
        <translation>No hay ningún simulacro de nivel {level} en el banco de tareas.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="250"/>
        <source>AI: not set up</source>
        <translation>IA: sin configurar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="251"/>
        <source>Add your OpenAI API key or a compatible server in Settings, or install the offline pack; until then your answers are saved, and assessed later.</source>
        <translation>Añade tu clave de API de OpenAI o un servidor compatible en Ajustes, o instala el paquete sin conexión; mientras tanto tus respuestas se guardan y se evalúan más tarde.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="255"/>
        <source>AI: measuring only</source>
        <translation>IA: solo mediciones</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="257"/>
        <source>{status}. Add your OpenAI API key or an evaluation server in Settings for levels; until then answers get their transcript, fluency and vocabulary, and their level later.</source>
        <translation>{status}. Añade tu clave de API de OpenAI o un servidor de evaluación en Ajustes para obtener niveles; mientras tanto las respuestas reciben su transcripción, fluidez y vocabulario, y su nivel más tarde.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="266"/>
        <source>Microphone: {name}</source>
        <translation>Micrófono: {name}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="346"/>
        <source>Your overall result is ready: {level}.</source>
        <translation>Tu resultado global está listo: {level}.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="347"/>
        <source>Your test is assessed: see the result.</source>
        <translation>Tu prueba está evaluada: mira el resultado.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="361"/>
        <source>Finish the test first: the setup tests the microphone.</source>
        <translation>Termina primero la prueba: la configuración prueba el micrófono.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="394"/>
        <source>Finish the current test before retaking a part.</source>
        <translation>Termina la prueba actual antes de repetir una parte.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="412"/>
        <source>The recording is here: click a tip to hear that part.</source>
        <translation>La grabación ya está aquí: haz clic en un consejo para escuchar esa parte.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="421"/>
        <source>Fetching the recording from MongoDB… {percent} %</source>
        <translation>Descargando la grabación de MongoDB… {percent} %</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="426"/>
        <source>Finish the current test before resuming another one.</source>
        <translation>Termina la prueba actual antes de reanudar otra.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="439"/>
        <source>Save report</source>
        <translation>Guardar informe</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="440"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="444"/>
        <source>Making the report…</source>
        <translation>Creando el informe…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="450"/>
        <source>Delete session</source>
        <translation>Eliminar sesión</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="451"/>
        <source>Delete the {level} session of {when}, its recordings and results? This cannot be undone.</source>
        <translation>¿Eliminar la sesión de nivel {level} del {when}, sus grabaciones y sus resultados? No se puede deshacer.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="457"/>
        <source>Test finished. Choose a level and start another when you are ready.</source>
        <translation>Prueba terminada. Elige un nivel y empieza otra cuando estés listo.</translation>
    </message>
</context>
<context>
    <name>MicrophonePage</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="117"/>
        <source>Your microphone</source>
        <translation>Tu micrófono</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="118"/>
        <source>Choose the microphone you will answer with, then record {seconds} seconds as you would speak in a test. You hear them back and read whether the level is right.</source>
        <translation>Elige el micrófono con el que responderás y graba {seconds} segundos hablando como en una prueba. Los escucharás de nuevo y sabrás si el nivel es correcto.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="125"/>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="142"/>
        <source>Microphone</source>
        <translation>Micrófono</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="126"/>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="127"/>
        <source>●  Record {seconds} seconds</source>
        <translation>●  Grabar {seconds} segundos</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="128"/>
        <source>Record {seconds} seconds and play them back</source>
        <translation>Grabar {seconds} segundos y reproducirlos</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="132"/>
        <source>Time left</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="134"/>
        <source>No recording yet</source>
        <translation>Aún no hay grabación</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="135"/>
        <source>Microphone verdict</source>
        <translation>Veredicto del micrófono</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="139"/>
        <source>Microphone test progress</source>
        <translation>Progreso de la prueba del micrófono</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="149"/>
        <source>Level:</source>
        <translation>Nivel:</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="183"/>
        <source>An answer is being recorded: finish it, then test the microphone here.</source>
        <translation>Se está grabando una respuesta: termínala y luego prueba aquí el micrófono.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="188"/>
        <source>Starting the microphone…</source>
        <translation>Iniciando el micrófono…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="192"/>
        <source>Recording from {name}: speak as you would in a test…</source>
        <translation>Grabando desde {name}: habla como lo harías en una prueba…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="200"/>
        <source>{seconds} s left</source>
        <translation>quedan {seconds} s</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="205"/>
        <source>Level: {words} ({decibels} dB)</source>
        <translation>Nivel: {words} ({decibels} dB)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="217"/>
        <source>Last test: {verdict}</source>
        <translation>Última prueba: {verdict}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="218"/>
        <source>Playing it back…</source>
        <translation>Reproduciendo…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="221"/>
        <source>Played back; the test recording is deleted.</source>
        <translation>Reproducido; la grabación de prueba se ha eliminado.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="231"/>
        <source>●  Record again</source>
        <translation>●  Grabar de nuevo</translation>
    </message>
</context>
<context>
    <name>OperatorPanel</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="95"/>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="98"/>
        <source>This kiosk</source>
        <translation>Este quiosco</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="103"/>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="104"/>
        <source>MongoDB</source>
        <translation>MongoDB</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="110"/>
        <source>Level for the next candidates</source>
        <translation>Nivel para los próximos candidatos</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="112"/>
        <source>Fixed by the centre&apos;s kiosk settings</source>
        <translation>Fijado por los ajustes de quiosco del centro</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="113"/>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="122"/>
        <source>Allow one more attempt at this task</source>
        <translation>Permitir un intento más en esta tarea</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="123"/>
        <source>End this candidate&apos;s test now</source>
        <translation>Terminar ahora la prueba de este candidato</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="126"/>
        <source>Wait until the recording stops: the answer is kept.</source>
        <translation>Espera a que se detenga la grabación: la respuesta se conserva.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="127"/>
        <source>Review answers…</source>
        <translation>Revisar respuestas…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="128"/>
        <source>For examiners: results held for review, marking, agreement</source>
        <translation>Para examinadores: resultados retenidos para revisión, calificación, concordancia</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="129"/>
        <source>Settings…</source>
        <translation>Ajustes…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="130"/>
        <source>Exit kiosk</source>
        <translation>Salir del quiosco</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="32"/>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="35"/>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="38"/>
        <source>Operator PIN</source>
        <translation>PIN de operador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="73"/>
        <source>Too many wrong PINs. Try again in {seconds} s.</source>
        <translation>Demasiados PIN incorrectos. Inténtalo de nuevo en {seconds} s.</translation>
    </message>
</context>
<context>
    <name>ProgressChartView</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="99"/>
        <source>Progress chart</source>
        <translation>Gráfico de progreso</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="108"/>
        <source>Use the left and right arrow keys to go through the points.</source>
        <translation>Usa las flechas izquierda y derecha para recorrer los puntos.</translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="47"/>
        <source>Loading your progress…</source>
        <translation>Cargando tu progreso…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="48"/>
        <source>Everyone on this computer</source>
        <translation>Todas las personas de este ordenador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="49"/>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="50"/>
        <source>Fluency score</source>
        <translation>Puntuación de fluidez</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="51"/>
        <source>Accuracy score</source>
        <translation>Puntuación de precisión</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="52"/>
        <source>Grammar score</source>
        <translation>Puntuación de gramática</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="53"/>
        <source>Vocabulary score</source>
        <translation>Puntuación de vocabulario</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="54"/>
        <source>Coherence score</source>
        <translation>Puntuación de coherencia</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="55"/>
        <source>Speech rate</source>
        <translation>Velocidad de habla</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="56"/>
        <source>Pauses</source>
        <translation>Pausas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="57"/>
        <source>Mean length of run</source>
        <translation>Longitud media de las secuencias</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="58"/>
        <source>Words at B2 or above</source>
        <translation>Palabras de nivel B2 o superior</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="59"/>
        <source>words a minute</source>
        <translation>palabras por minuto</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="60"/>
        <source>a minute</source>
        <translation>por minuto</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="61"/>
        <source>words between pauses</source>
        <translation>palabras entre pausas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="62"/>
        <source>% of known words</source>
        <translation>% de las palabras conocidas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="63"/>
        <source>All answers</source>
        <translation>Todas las respuestas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="64"/>
        <source>By format</source>
        <translation>Por formato</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="65"/>
        <source>By task kind</source>
        <translation>Por tipo de tarea</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="66"/>
        <source>one point a day</source>
        <translation>un punto por día</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="67"/>
        <source>one point a week</source>
        <translation>un punto por semana</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="68"/>
        <source>one point a month</source>
        <translation>un punto por mes</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="332"/>
        <source>Your progress</source>
        <translation>Tu progreso</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="345"/>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="346"/>
        <source>What the chart shows over time</source>
        <translation>Lo que muestra el gráfico a lo largo del tiempo</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="350"/>
        <source>Lines</source>
        <translation>Líneas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="351"/>
        <source>One line for all answers, or one per format or task kind</source>
        <translation>Una línea para todas las respuestas, o una por formato o por tipo de tarea</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="353"/>
        <source>Whose progress</source>
        <translation>De quién es el progreso</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="355"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="355"/>
        <source>Answers from this day</source>
        <translation>Respuestas desde este día</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="356"/>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="356"/>
        <source>Answers up to this day, included</source>
        <translation>Respuestas hasta este día, incluido</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="357"/>
        <source>All time</source>
        <translation>Todo el tiempo</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="358"/>
        <source>Clear both dates</source>
        <translation>Borrar las dos fechas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="360"/>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="360"/>
        <source>&amp;Lines:</source>
        <translation>&amp;Líneas:</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="361"/>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="361"/>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="372"/>
        <source>Chosen point</source>
        <translation>Punto elegido</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="376"/>
        <source>Progress in words</source>
        <translation>El progreso en palabras</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="464"/>
        <source>{name} (1 session)</source>
        <translation>{name} (1 sesión)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="464"/>
        <source>{name} ({sessions} sessions)</source>
        <translation>{name} ({sessions} sesiones)</translation>
    </message>
</context>
<context>
    <name>RecorderPanel</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="281"/>
        <source>3. Speak</source>
        <translation>3. Habla</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="283"/>
        <source>Press “Start speaking test” when you are ready.</source>
        <translation>Pulsa «Empezar la prueba oral» cuando estés listo.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="295"/>
        <source>Microphone: default</source>
        <translation>Micrófono: predeterminado</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="297"/>
        <source>Start speaking test</source>
        <translation>Empezar la prueba oral</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="299"/>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="339"/>
        <source>●  Record now</source>
        <translation>●  Grabar ahora</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="300"/>
        <source>Start recording (Space)</source>
        <translation>Empezar a grabar (Espacio)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="301"/>
        <source>■  Stop</source>
        <translation>■  Detener</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="302"/>
        <source>Stop recording (Space)</source>
        <translation>Detener la grabación (Espacio)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="303"/>
        <source>Next question  ▸</source>
        <translation>Siguiente pregunta  ▸</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="304"/>
        <source>Go on to the next question; your answer is kept (Enter)</source>
        <translation>Pasar a la siguiente pregunta; tu respuesta se conserva (Intro)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="305"/>
        <source>Finish test</source>
        <translation>Terminar la prueba</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="306"/>
        <source>End test here</source>
        <translation>Terminar aquí</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="307"/>
        <source>End the test now: the answers you gave are kept and assessed</source>
        <translation>Terminar la prueba ahora: las respuestas que diste se conservan y se evalúan</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="309"/>
        <source>Finish the test (Enter)</source>
        <translation>Terminar la prueba (Intro)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="340"/>
        <source>●  Record again</source>
        <translation>●  Grabar de nuevo</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="376"/>
        <source>Microphone: {name}</source>
        <translation>Micrófono: {name}</translation>
    </message>
</context>
<context>
    <name>ReviewWorkspace</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="56"/>
        <source>Recorded</source>
        <translation>Grabada</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="56"/>
        <source>Candidate</source>
        <translation>Candidato</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="57"/>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="139"/>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="57"/>
        <source>AI result</source>
        <translation>Resultado de la IA</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="58"/>
        <source>Confidence</source>
        <translation>Confianza</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="58"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="67"/>
        <source>Review answers</source>
        <translation>Revisar respuestas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="78"/>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="79"/>
        <source>Examiner&apos;s name</source>
        <translation>Nombre del examinador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="81"/>
        <source>First marking</source>
        <translation>Primera calificación</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="82"/>
        <source>Second marking (blind)</source>
        <translation>Segunda calificación (a ciegas)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="83"/>
        <source>Marking</source>
        <translation>Calificación</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="85"/>
        <source>All levels</source>
        <translation>Todos los niveles</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="88"/>
        <source>Level filter</source>
        <translation>Filtro de nivel</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="90"/>
        <source>Any centre</source>
        <translation>Cualquier centro</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="91"/>
        <source>Centre filter</source>
        <translation>Filtro de centro</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="92"/>
        <source>Only sessions from</source>
        <translation>Solo sesiones desde</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="96"/>
        <source>From date</source>
        <translation>Fecha inicial</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="96"/>
        <source>To date</source>
        <translation>Fecha final</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="100"/>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="101"/>
        <source>Fetch from MongoDB</source>
        <translation>Traer de MongoDB</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="102"/>
        <source>Copy the centre&apos;s finished sessions (the centre and dates chosen) here to review them</source>
        <translation>Copiar aquí las sesiones terminadas del centro (el centro y las fechas elegidos) para revisarlas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="105"/>
        <source>Examiner</source>
        <translation>Examinador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="106"/>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="116"/>
        <source>Answers to review</source>
        <translation>Respuestas que revisar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="123"/>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="291"/>
        <source>Choose an answer from the list.</source>
        <translation>Elige una respuesta de la lista.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="126"/>
        <source>▶  Play the answer</source>
        <translation>▶  Reproducir la respuesta</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="131"/>
        <source>Accept the AI&apos;s evaluation</source>
        <translation>Aceptar la evaluación de la IA</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="134"/>
        <source>Your level</source>
        <translation>Tu nivel</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="136"/>
        <source>Your rating</source>
        <translation>Tu calificación</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="150"/>
        <source>Your {aspect} score</source>
        <translation>Tu puntuación de {aspect}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="155"/>
        <source>Why you give this result (kept with the review)</source>
        <translation>Por qué das este resultado (se guarda con la revisión)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="156"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="158"/>
        <source>Save my rating</source>
        <translation>Guardar mi calificación</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="184"/>
        <source>Agreement with the examiners</source>
        <translation>Concordancia con los examinadores</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="185"/>
        <source>Agreement of the AI with the examiners, on the answers reviewed here.</source>
        <translation>Concordancia de la IA con los examinadores, en las respuestas revisadas aquí.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="187"/>
        <source>Compute agreement</source>
        <translation>Calcular la concordancia</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="188"/>
        <source>Agreement on this centre&apos;s reviewed answers</source>
        <translation>Concordancia en las respuestas revisadas de este centro</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="234"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="239"/>
        <source>Fetching from MongoDB…</source>
        <translation>Trayendo de MongoDB…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="257"/>
        <source>hidden</source>
        <translation>oculto</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="259"/>
        <source>held: under review</source>
        <translation>retenido: en revisión</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="263"/>
        <source>Nothing to review.</source>
        <translation>Nada que revisar.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="265"/>
        <source>1 answer to review.</source>
        <translation>1 respuesta que revisar.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="266"/>
        <source>{count} answers to review.</source>
        <translation>{count} respuestas que revisar.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="281"/>
        <source>That answer is no longer in this computer&apos;s store.</source>
        <translation>Esa respuesta ya no está en el almacén de este ordenador.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="344"/>
        <source>Saved. {review}</source>
        <translation>Guardado. {review}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="349"/>
        <source>No answer has been rated by an examiner yet.</source>
        <translation>Ningún examinador ha calificado todavía una respuesta.</translation>
    </message>
</context>
<context>
    <name>ScoreChart</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="389"/>
        <source>Sub-scores chart</source>
        <translation>Gráfico de puntuaciones parciales</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="393"/>
        <source>{name} {score} of 10</source>
        <translation>{name}: {score} de 10</translation>
    </message>
</context>
<context>
    <name>ScorePane</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="29"/>
        <source>Tips (click one with a time to hear that part):</source>
        <translation>Consejos (haz clic en uno con tiempo para escuchar esa parte):</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="30"/>
        <source>An estimate from a CEFR word list (cefrpy): each word counts at the level learners usually meet it, whatever how it was used.</source>
        <translation>Una estimación a partir de una lista de palabras del MCER (cefrpy): cada palabra cuenta en el nivel en que los estudiantes suelen conocerla, se use como se use.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="105"/>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="158"/>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="228"/>
        <source>Assessment</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="109"/>
        <source>Overall level</source>
        <translation>Nivel global</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="120"/>
        <source>Stop waiting</source>
        <translation>Dejar de esperar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="121"/>
        <source>Stop the transcription under way; your answer is kept and assessed later</source>
        <translation>Detener la transcripción en curso; tu respuesta se conserva y se evalúa más tarde</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="124"/>
        <source>◂  The whole test</source>
        <translation>◂  La prueba completa</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="125"/>
        <source>Back to the overall result and every question</source>
        <translation>Volver al resultado global y a todas las preguntas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="132"/>
        <source>Tips</source>
        <translation>Consejos</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="137"/>
        <source>Fluency, measured from your recording</source>
        <translation>Fluidez, medida a partir de tu grabación</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="140"/>
        <source>Vocabulary, a word-list estimate</source>
        <translation>Vocabulario, una estimación por lista de palabras</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="185"/>
        <source>Assessment · {test}</source>
        <translation>Evaluación · {test}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="186"/>
        <source>Questions (click one to see its answer):</source>
        <translation>Preguntas (haz clic en una para ver su respuesta):</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="187"/>
        <source>Questions:</source>
        <translation>Preguntas:</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="191"/>
        <source>Overall level · confidence {confidence}</source>
        <translation>Nivel global · confianza {confidence}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="196"/>
        <source>Your answers seem below A2, the lowest level this test measures.</source>
        <translation>Tus respuestas parecen estar por debajo de A2, el nivel más bajo que mide esta prueba.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="201"/>
        <source>Not enough evidence for an overall level.</source>
        <translation>No hay suficientes datos para un nivel global.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="204"/>
        <source>Test under way: {answered} of {questions} questions answered. The overall result comes when the test is finished and every answer assessed.</source>
        <translation>Prueba en curso: {answered} de {questions} preguntas respondidas. El resultado global llega cuando la prueba termina y todas las respuestas están evaluadas.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="208"/>
        <source>{waiting} answer(s) still to be assessed: the overall result comes then.</source>
        <translation>Falta evaluar {waiting} respuesta(s): entonces llegará el resultado global.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="217"/>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="221"/>
        <source>Show the answer to {part}, question {number}</source>
        <translation>Mostrar la respuesta a {part}, pregunta {number}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="222"/>
        <source>the task</source>
        <translation>la tarea</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="237"/>
        <source>The AI&apos;s evaluation: {level}.</source>
        <translation>La evaluación de la IA: {level}.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="239"/>
        <source>Examiner&apos;s result</source>
        <translation>Resultado del examinador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="245"/>
        <source>The recording&apos;s audio is gone.</source>
        <translation>El audio de la grabación ya no está.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="254"/>
        <source>Blind marking: the AI&apos;s and the first examiner&apos;s results are hidden.</source>
        <translation>Calificación a ciegas: los resultados de la IA y del primer examinador están ocultos.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="267"/>
        <source>The level comes with the AI evaluation</source>
        <translation>El nivel llega con la evaluación de la IA</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="268"/>
        <source>Level to come</source>
        <translation>Nivel pendiente</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="277"/>
        <source>Confidence {confidence}</source>
        <translation>Confianza {confidence}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="278"/>
        <source>Your answer seems below A2, the lowest level this test measures.</source>
        <translation>Tu respuesta parece estar por debajo de A2, el nivel más bajo que mide esta prueba.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="279"/>
        <source>Your answer seems above C1, the highest level this test measures.</source>
        <translation>Tu respuesta parece estar por encima de C1, el nivel más alto que mide esta prueba.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="292"/>
        <source>{start}–{end} s</source>
        <translation>{start}–{end} s</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="304"/>
        <source>Not enough evidence to score.</source>
        <translation>No hay suficientes datos para puntuar.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="304"/>
        <source>What to do:</source>
        <translation>Qué hacer:</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="318"/>
        <source>Words at B2 and above</source>
        <translation>Palabras de nivel B2 o superior</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="321"/>
        <source>By level</source>
        <translation>Por nivel</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="323"/>
        <source>from {words} words on</source>
        <translation>a partir de {words} palabras</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="324"/>
        <source>Diversity (MTLD)</source>
        <translation>Diversidad (MTLD)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="326"/>
        <source>The list knows {known} of the {words} words of this answer.</source>
        <translation>La lista conoce {known} de las {words} palabras de esta respuesta.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="333"/>
        <source>{value} s</source>
        <translation>{value} s</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="333"/>
        <source>{value} words/min</source>
        <translation>{value} palabras/min</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="334"/>
        <source>Speaking time</source>
        <translation>Tiempo de habla</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="334"/>
        <source>Words</source>
        <translation>Palabras</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="335"/>
        <source>Speech rate</source>
        <translation>Velocidad de habla</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="336"/>
        <source>Articulation rate</source>
        <translation>Velocidad de articulación</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="337"/>
        <source>Pauses</source>
        <translation>Pausas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="338"/>
        <source>Longest pause</source>
        <translation>Pausa más larga</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="339"/>
        <source>Words between pauses</source>
        <translation>Palabras entre pausas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="340"/>
        <source>Different words</source>
        <translation>Palabras distintas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="341"/>
        <source>Filled pauses (um, uh)</source>
        <translation>Pausas llenas (um, eh)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="49"/>
        <source>Automatic: a server if set, else OpenAI with a key, else this computer</source>
        <translation>Automático: un servidor si hay uno, si no OpenAI con una clave, si no este ordenador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="50"/>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="51"/>
        <source>A compatible server (the address below)</source>
        <translation>Un servidor compatible (la dirección de abajo)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="52"/>
        <source>On this computer (offline pack)</source>
        <translation>En este ordenador (paquete sin conexión)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="53"/>
        <source>tiny.en: English only, fastest</source>
        <translation>tiny.en: solo inglés, el más rápido</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="54"/>
        <source>base: multilingual, tells the language, slower</source>
        <translation>base: multilingüe, reconoce el idioma, más lento</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="72"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="79"/>
        <source>AI services (OpenAI, or any OpenAI-compatible server)</source>
        <translation>Servicios de IA (OpenAI o cualquier servidor compatible con OpenAI)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="83"/>
        <source>OpenAI API key</source>
        <translation>Clave de API de OpenAI</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="85"/>
        <source>set by OPENAI_API_KEY</source>
        <translation>definida por OPENAI_API_KEY</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="88"/>
        <source>•••• saved in the system keyring</source>
        <translation>•••• guardada en el llavero del sistema</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="89"/>
        <source>sk-… (kept in the system keyring, never in a file)</source>
        <translation>sk-… (se guarda en el llavero del sistema, nunca en un archivo)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="90"/>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="91"/>
        <source>Transcribe answers</source>
        <translation>Transcribir las respuestas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="93"/>
        <source>Offline model</source>
        <translation>Modelo sin conexión</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="95"/>
        <source>empty: OpenAI</source>
        <translation>vacío: OpenAI</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="96"/>
        <source>Transcription server</source>
        <translation>Servidor de transcripción</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="98"/>
        <source>Transcription model</source>
        <translation>Modelo de transcripción</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="99"/>
        <source>Evaluation server</source>
        <translation>Servidor de evaluación</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="100"/>
        <source>Evaluation model</source>
        <translation>Modelo de evaluación</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="102"/>
        <source>MongoDB (optional: everything is kept on this computer first)</source>
        <translation>MongoDB (opcional: todo se guarda primero en este ordenador)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="107"/>
        <source>Connection string</source>
        <translation>Cadena de conexión</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="109"/>
        <source>The password is hidden; leave the dots to keep it, or type a new one in their place</source>
        <translation>La contraseña está oculta; deja los puntos para conservarla o escribe una nueva en su lugar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="111"/>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="113"/>
        <source>Test connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="121"/>
        <source>You (optional)</source>
        <translation>Tú (opcional)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="124"/>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="130"/>
        <source>Microphone</source>
        <translation>Micrófono</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="125"/>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="131"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="132"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="133"/>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="134"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="136"/>
        <source>System: the language this computer is set to, when SpeakCheck speaks it, else English</source>
        <translation>Sistema: el idioma configurado en este ordenador, si SpeakCheck lo habla; si no, inglés</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="138"/>
        <source>A new language is used from the next start of SpeakCheck.</source>
        <translation>Un idioma nuevo se usa a partir del próximo inicio de SpeakCheck.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="142"/>
        <source>Saved changes apply at once: answers waiting for an AI service are assessed with the new one, and the sync uses the new database.</source>
        <translation>Los cambios guardados se aplican al momento: las respuestas que esperan un servicio de IA se evalúan con el nuevo, y la sincronización usa la nueva base de datos.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="159"/>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="174"/>
        <source>Set by the environment variable {env}</source>
        <translation>Definido por la variable de entorno {env}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="160"/>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="175"/>
        <source>{label} (from {env})</source>
        <translation>{label} (de {env})</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="181"/>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="244"/>
        <source>Sync is switched off.</source>
        <translation>La sincronización está desactivada.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="257"/>
        <source>Settings saved and in use.</source>
        <translation>Ajustes guardados y en uso.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="418"/>
        <source>Sync to MongoDB (optional)</source>
        <translation>Sincronizar con MongoDB (opcional)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="419"/>
        <source>Every answer is kept on this computer first. With a MongoDB, a test centre&apos;s or your own, a copy of everything goes there too, as soon as it can be reached.</source>
        <translation>Cada respuesta se guarda primero en este ordenador. Con una MongoDB, la de un centro de exámenes o la tuya, también se envía allí una copia de todo en cuanto se pueda conectar.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="421"/>
        <source>Now: MongoDB at {uri}, database {database}.</source>
        <translation>Ahora: MongoDB en {uri}, base de datos {database}.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="424"/>
        <source>Now: the default, a MongoDB on this computer ({uri}), database {database}. If none runs here, everything simply stays here.</source>
        <translation>Ahora: la predeterminada, una MongoDB en este ordenador ({uri}), base de datos {database}. Si no hay ninguna funcionando aquí, todo se queda simplemente aquí.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="428"/>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="429"/>
        <source>Keep everything on this computer</source>
        <translation>Guardarlo todo en este ordenador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="430"/>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="431"/>
        <source>Sync to MongoDB</source>
        <translation>Sincronizar con MongoDB</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="437"/>
        <source>MongoDB connection string</source>
        <translation>Cadena de conexión de MongoDB</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="439"/>
        <source>MongoDB database</source>
        <translation>Base de datos de MongoDB</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="441"/>
        <source>Connection string</source>
        <translation>Cadena de conexión</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="442"/>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="445"/>
        <source>Set by the environment variable {env}</source>
        <translation>Definido por la variable de entorno {env}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="446"/>
        <source>{label} (from {env})</source>
        <translation>{label} (de {env})</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="448"/>
        <source>Test connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="449"/>
        <source>Test the MongoDB connection</source>
        <translation>Probar la conexión con MongoDB</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="450"/>
        <source>MongoDB test result</source>
        <translation>Resultado de la prueba de MongoDB</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="456"/>
        <source>Saving the setup</source>
        <translation>Guardando la configuración</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="487"/>
        <source>Sync is switched off in this app, so there is nothing to test.</source>
        <translation>La sincronización está desactivada en esta aplicación, así que no hay nada que probar.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="495"/>
        <source>Enter the connection string, or choose to keep everything on this computer.</source>
        <translation>Escribe la cadena de conexión o elige guardarlo todo en este ordenador.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="226"/>
        <source>Sync: up to date</source>
        <translation>Sincronización: al día</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="227"/>
        <source>Sync: nothing to send yet</source>
        <translation>Sincronización: aún no hay nada que enviar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="229"/>
        <source>Sync: {pending} waiting</source>
        <translation>Sincronización: {pending} en espera</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="231"/>
        <source>Sync: offline, {pending} waiting (kept on this computer)</source>
        <translation>Sincronización: sin conexión, {pending} en espera (guardado en este ordenador)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="233"/>
        <source>Sync: needs attention</source>
        <translation>Sincronización: requiere atención</translation>
    </message>
</context>
<context>
    <name>TaskCard</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="132"/>
        <source>3. Your task</source>
        <translation>3. Tu tarea</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="144"/>
        <source>Choose a level to get a task.</source>
        <translation>Elige un nivel para recibir una tarea.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="151"/>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="176"/>
        <source>Another task</source>
        <translation>Otra tarea</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="152"/>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="177"/>
        <source>A different task at this level (before you start)</source>
        <translation>Una tarea distinta de este nivel (antes de empezar)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="180"/>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="212"/>
        <source>Preparation {prep} s · Speaking up to {speak} s</source>
        <translation>Preparación {prep} s · Habla hasta {speak} s</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="187"/>
        <source>Another test</source>
        <translation>Otra prueba</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="188"/>
        <source>A different mock test at this level (before you start)</source>
        <translation>Un simulacro distinto de este nivel (antes de empezar)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="193"/>
        <source>{questions} questions in 1 part: {parts}. Each part starts with a sentence that says what happens in it; the questions come one after another, each with its own preparation and speaking time.</source>
        <translation>{questions} preguntas en 1 parte: {parts}. Cada parte empieza con una frase que dice lo que ocurre en ella; las preguntas van una tras otra, cada una con su propio tiempo de preparación y de habla.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="196"/>
        <source>{questions} questions in {count} parts: {parts}. Each part starts with a sentence that says what happens in it; the questions come one after another, each with its own preparation and speaking time.</source>
        <translation>{questions} preguntas en {count} partes: {parts}. Cada parte empieza con una frase que dice lo que ocurre en ella; las preguntas van una tras otra, cada una con su propio tiempo de preparación y de habla.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="201"/>
        <source>About {minutes} minutes in all</source>
        <translation>Unos {minutes} minutos en total</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="213"/>
        <source>No preparation · Speaking up to {speak} s</source>
        <translation>Sin preparación · Habla hasta {speak} s</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="227"/>
        <source>Points to cover:</source>
        <translation>Puntos que tratar:</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="25"/>
        <source>A2 – Elementary: short, simple talk about familiar, everyday things.</source>
        <translation>A2 – Elemental: habla breve y sencilla sobre cosas cotidianas y conocidas.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="26"/>
        <source>B1 – Intermediate: connected talk about familiar topics, experiences and plans.</source>
        <translation>B1 – Intermedio: habla enlazada sobre temas conocidos, experiencias y planes.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="28"/>
        <source>B2 – Upper intermediate: clear, detailed talk and arguments on a wide range of topics.</source>
        <translation>B2 – Intermedio alto: habla clara y detallada, con argumentos, sobre temas muy variados.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="30"/>
        <source>C1 – Advanced: fluent, well-organised talk on complex subjects, with nuance.</source>
        <translation>C1 – Avanzado: habla fluida y bien organizada sobre temas complejos, con matices.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="33"/>
        <source>Interview</source>
        <translation>Entrevista</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="34"/>
        <source>Long turn</source>
        <translation>Monólogo</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="35"/>
        <source>Discussion</source>
        <translation>Debate</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="37"/>
        <source>the interview</source>
        <translation>la entrevista</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="38"/>
        <source>the long turn</source>
        <translation>el monólogo</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="39"/>
        <source>the discussion</source>
        <translation>el debate</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="42"/>
        <source>Interview practice · {title}</source>
        <translation>Práctica de entrevista · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="43"/>
        <source>Long turn practice · {title}</source>
        <translation>Práctica de monólogo · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="44"/>
        <source>Discussion practice · {title}</source>
        <translation>Práctica de debate · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="45"/>
        <source>Part practice · {title}</source>
        <translation>Práctica de una parte · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="46"/>
        <source>Interview retake · {title}</source>
        <translation>Repetición de la entrevista · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="47"/>
        <source>Long turn retake · {title}</source>
        <translation>Repetición del monólogo · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="48"/>
        <source>Discussion retake · {title}</source>
        <translation>Repetición del debate · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="49"/>
        <source>Part retake · {title}</source>
        <translation>Repetición de una parte · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="50"/>
        <source>active</source>
        <translation>en curso</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="51"/>
        <source>completed</source>
        <translation>completada</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="52"/>
        <source>abandoned</source>
        <translation>abandonada</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="53"/>
        <source>Active</source>
        <translation>En curso</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="54"/>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="55"/>
        <source>Abandoned</source>
        <translation>Abandonada</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="56"/>
        <source>not enough evidence</source>
        <translation>datos insuficientes</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="57"/>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="58"/>
        <source>cannot be assessed</source>
        <translation>no se puede evaluar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="59"/>
        <source>not answered</source>
        <translation>sin responder</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="60"/>
        <source>Fluency</source>
        <translation>Fluidez</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="60"/>
        <source>Accuracy</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="61"/>
        <source>Grammar</source>
        <translation>Gramática</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="62"/>
        <source>Vocabulary</source>
        <translation>Vocabulario</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="63"/>
        <source>Coherence</source>
        <translation>Coherencia</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="65"/>
        <source>Describe</source>
        <translation>Describir</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="65"/>
        <source>Narrate</source>
        <translation>Narrar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="66"/>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="66"/>
        <source>Opinion</source>
        <translation>Opinión</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="67"/>
        <source>Argue</source>
        <translation>Argumentar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="68"/>
        <source>A practice estimate, not an official certificate.</source>
        <translation>Una estimación de práctica, no un certificado oficial.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="69"/>
        <source>under review</source>
        <translation>en revisión</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="124"/>
        <source>Mock test · {title}</source>
        <translation>Simulacro · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="128"/>
        <source>Quick practice</source>
        <translation>Práctica rápida</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="136"/>
        <source>dd MMM yyyy, HH:mm</source>
        <translation>dd MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="137"/>
        <source>dd MMM HH:mm</source>
        <translation>dd MMM HH:mm</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="146"/>
        <source>Part {part} of {parts} · question {number} of {of}</source>
        <translation>Parte {part} de {parts} · pregunta {number} de {of}</translation>
    </message>
</context>
<context>
    <name>TranscriptPane</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="37"/>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="40"/>
        <source>Transcript</source>
        <translation>Transcripción</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="41"/>
        <source>Your answer will appear here after recording.</source>
        <translation>Tu respuesta aparecerá aquí después de grabarla.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="56"/>
        <source>no transcript yet</source>
        <translation>aún no hay transcripción</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="66"/>
        <source>This answer cannot be assessed.</source>
        <translation>Esta respuesta no se puede evaluar.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="68"/>
        <source>Nothing was recorded.</source>
        <translation>No se grabó nada.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="70"/>
        <source>No transcript yet.</source>
        <translation>Aún no hay transcripción.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="80"/>
        <source>{count} long pause(s) in the recording.</source>
        <translation>{count} pausa(s) larga(s) en la grabación.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="91"/>
        <source>[pause {seconds} s]</source>
        <translation>[pausa de {seconds} s]</translation>
    </message>
</context>
</TS>
