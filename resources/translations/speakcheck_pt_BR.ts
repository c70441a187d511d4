<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>AssessmentPage</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="254"/>
        <source>How answers are assessed</source>
        <translation>Como as respostas são avaliadas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="255"/>
        <source>Answers are transcribed and given a CEFR level by an AI service. Choose one; Test tells you whether it answers.</source>
        <translation>As respostas são transcritas e recebem um nível do QECR de um serviço de IA. Escolha um; «Testar» informa se ele responde.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="258"/>
        <source>Now: {status}.</source>
        <translation>Agora: {status}.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="262"/>
        <source>With OpenAI, using your API key</source>
        <translation>Com a OpenAI, usando sua chave de API</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="265"/>
        <source>OpenAI API key</source>
        <translation>Chave de API da OpenAI</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="267"/>
        <source>set by OPENAI_API_KEY</source>
        <translation>definida por OPENAI_API_KEY</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="270"/>
        <source>•••• saved: leave empty to keep it</source>
        <translation>•••• salva: deixe vazio para mantê-la</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="272"/>
        <source>sk-… (kept in the system keyring, never in a file)</source>
        <translation>sk-… (guardada no chaveiro do sistema, nunca em um arquivo)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="273"/>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="294"/>
        <source>Test</source>
        <translation>Testar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="274"/>
        <source>Test the OpenAI key</source>
        <translation>Testar a chave da OpenAI</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="275"/>
        <source>OpenAI key test result</source>
        <translation>Resultado do teste da chave da OpenAI</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="280"/>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="300"/>
        <source>API key</source>
        <translation>Chave de API</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="284"/>
        <source>With a compatible server (your own or your centre&apos;s)</source>
        <translation>Com um servidor compatível (o seu ou o do seu centro)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="287"/>
        <source>Server address</source>
        <translation>Endereço do servidor</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="289"/>
        <source>Evaluation model</source>
        <translation>Modelo de avaliação</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="292"/>
        <source>Server API key, only if the server asks for one</source>
        <translation>Chave de API do servidor, só se o servidor pedir uma</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="293"/>
        <source>only if the server asks for one</source>
        <translation>só se o servidor pedir uma</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="295"/>
        <source>Test the server</source>
        <translation>Testar o servidor</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="296"/>
        <source>Server test result</source>
        <translation>Resultado do teste do servidor</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="298"/>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="299"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="307"/>
        <source>On this computer (the offline pack)</source>
        <translation>Neste computador (o pacote offline)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="308"/>
        <source>About assessing on this computer</source>
        <translation>Sobre a avaliação neste computador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="310"/>
        <source>Looking for the offline pack…</source>
        <translation>Procurando o pacote offline…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="315"/>
        <source>Assess with OpenAI</source>
        <translation>Avaliar com a OpenAI</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="316"/>
        <source>Assess with a compatible server</source>
        <translation>Avaliar com um servidor compatível</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="317"/>
        <source>Assess on this computer</source>
        <translation>Avaliar neste computador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="341"/>
        <source>Transcripts, fluency and vocabulary are measured here, and nothing leaves this computer. The CEFR level needs OpenAI or a server: add one later in Settings.</source>
        <translation>A transcrição, a fluência e o vocabulário são medidos aqui, e nada sai deste computador. O nível do QECR precisa da OpenAI ou de um servidor: adicione um depois em Configurações.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="385"/>
        <source>Enter your OpenAI API key, or press Skip to set it up later.</source>
        <translation>Digite sua chave de API da OpenAI ou clique em Pular para configurá-la depois.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="389"/>
        <source>Enter the server&apos;s address, starting with http:// or https:// (like http://localhost:8000/v1), or press Skip.</source>
        <translation>Digite o endereço do servidor, começando com http:// ou https:// (como http://localhost:8000/v1), ou clique em Pular.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="393"/>
        <source>Enter the model&apos;s name, like gpt-4o-mini, or press Skip.</source>
        <translation>Digite o nome do modelo, como gpt-4o-mini, ou clique em Pular.</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="22"/>
        <source>Check in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="26"/>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="28"/>
        <source>Candidate ID</source>
        <translation>ID do candidato</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="27"/>
        <source>as on the candidate&apos;s admission slip</source>
        <translation>como na ficha de inscrição do candidato</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="30"/>
        <source>Candidate name</source>
        <translation>Nome do candidato</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="32"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="36"/>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="37"/>
        <source>Level</source>
        <translation>Nível</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="42"/>
        <source>Begin the speaking test</source>
        <translation>Começar a prova oral</translation>
    </message>
</context>
<context>
    <name>DayEdit</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/day_edit.py" line="21"/>
        <source>any day</source>
        <translation>qualquer dia</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/day_edit.py" line="23"/>
        <source>{name} date</source>
        <translation>{name} (data)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/day_edit.py" line="24"/>
        <source>{description}; the lowest value, shown as “any day”, sets no limit</source>
        <translation>{description}; o menor valor, mostrado como “qualquer dia”, não define limite</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="99"/>
        <source>Next candidate</source>
        <translation>Próximo candidato</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="120"/>
        <source>Thank you. Your answers were submitted.</source>
        <translation>Obrigado. Suas respostas foram enviadas.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="121"/>
        <source>Thank you. Your answer was submitted.</source>
        <translation>Obrigado. Sua resposta foi enviada.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="124"/>
        <source>Your centre will give you your result.</source>
        <translation>Seu centro vai lhe informar o resultado.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="126"/>
        <source>Nothing was recorded.</source>
        <translation>Nada foi gravado.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="130"/>
        <source>Your answers are being assessed…</source>
        <translation>Suas respostas estão sendo avaliadas…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="131"/>
        <source>Your answer is being assessed…</source>
        <translation>Sua resposta está sendo avaliada…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="132"/>
        <source>Assessing your answers…</source>
        <translation>Avaliando suas respostas…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="133"/>
        <source>Assessing your answer…</source>
        <translation>Avaliando sua resposta…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="153"/>
        <source>There was not enough speech to give an overall level. Your centre will tell you what happens next.</source>
        <translation>Não houve fala suficiente para dar um nível geral. Seu centro vai lhe dizer o que acontece agora.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="155"/>
        <source>There was not enough speech to give a level. Your centre will tell you what happens next.</source>
        <translation>Não houve fala suficiente para dar um nível. Seu centro vai lhe dizer o que acontece agora.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="159"/>
        <source>Your overall level: {level}</source>
        <translation>Seu nível geral: {level}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="160"/>
        <source>Your level: {level}</source>
        <translation>Seu nível: {level}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="168"/>
        <source>Your result is {under_review}: an examiner checks it before it is given. Your centre will give you your result.</source>
        <translation>Seu resultado está {under_review}: um examinador o confere antes de ser divulgado. Seu centro vai lhe informar o resultado.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="175"/>
        <source>Your answer is saved. It will be assessed shortly; your centre will give you your result.</source>
        <translation>Sua resposta está salva. Ela será avaliada em breve; seu centro vai lhe informar o resultado.</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="41"/>
        <source>Click to dismiss</source>
        <translation>Clique para fechar</translation>
    </message>
</context>
<context>
    <name>ExamFlow</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="105"/>
        <source>Checking the microphone…</source>
        <translation>Verificando o microfone…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="108"/>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="268"/>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="279"/>
        <source>Microphone: {name}</source>
        <translation>Microfone: {name}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="109"/>
        <source>Starting the test…</source>
        <translation>Iniciando a prova…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="116"/>
        <source>Microphone: none found</source>
        <translation>Microfone: nenhum encontrado</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="117"/>
        <source>none found</source>
        <translation>nenhum encontrado</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="119"/>
        <source>The test was not started: no microphone. Connect one and press Start again.</source>
        <translation>A prova não foi iniciada: não há microfone. Conecte um e clique em Começar de novo.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="135"/>
        <source>Starting the microphone…</source>
        <translation>Iniciando o microfone…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="141"/>
        <source>Saving your answer…</source>
        <translation>Salvando sua resposta…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="147"/>
        <source>Finishing the test…</source>
        <translation>Encerrando a prova…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="174"/>
        <source>Session resumed at part {part} of {parts} · question {number} of {of}. Record your answer when you are ready.</source>
        <translation>Sessão retomada na parte {part} de {parts} · pergunta {number} de {of}. Grave sua resposta quando estiver pronto.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="178"/>
        <source>Session resumed. Record your answer when you are ready.</source>
        <translation>Sessão retomada. Grave sua resposta quando estiver pronto.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="230"/>
        <source>Microphone: checking…</source>
        <translation>Microfone: verificando…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="251"/>
        <source>The test could not start (see the message above). Press Start to try again.</source>
        <translation>Não foi possível iniciar a prova (veja a mensagem acima). Clique em Começar para tentar de novo.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="258"/>
        <source>Answer when you are ready: press Record (or Space).</source>
        <translation>Responda quando estiver pronto: clique em Gravar (ou Espaço).</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="263"/>
        <source>Prepare your answer. Recording starts by itself when the time is up.</source>
        <translation>Prepare sua resposta. A gravação começa sozinha quando o tempo acabar.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="281"/>
        <source>Recording – speak now. Press Stop (or Space) when you have finished.</source>
        <translation>Gravando: fale agora. Clique em Parar (ou Espaço) quando terminar.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="290"/>
        <source>{elapsed} / {left} left</source>
        <translation>{elapsed} / faltam {left}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="298"/>
        <source>Your answer ({seconds} s) is saved.</source>
        <translation>Sua resposta ({seconds} s) está salva.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="302"/>
        <source>Microphone: lost</source>
        <translation>Microfone: perdido</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="305"/>
        <source>Saving…</source>
        <translation>Salvando…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="310"/>
        <source>Microphone: problem</source>
        <translation>Microfone: problema</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="321"/>
        <source>The recording could not start, so the test was stopped; nothing was recorded. Press Start to try again.</source>
        <translation>Não foi possível começar a gravação, então a prova foi interrompida; nada foi gravado. Clique em Começar para tentar de novo.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="326"/>
        <source>The recording could not start.</source>
        <translation>Não foi possível começar a gravação.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="334"/>
        <source>AI: transcribing</source>
        <translation>IA: transcrevendo</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="334"/>
        <source>AI: assessing</source>
        <translation>IA: avaliando</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="363"/>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="387"/>
        <source>AI: ready</source>
        <translation>IA: pronta</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="379"/>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="383"/>
        <source>AI: waiting</source>
        <translation>IA: aguardando</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="384"/>
        <source>Your answer is saved and will be assessed as soon as possible.</source>
        <translation>Sua resposta está salva e será avaliada assim que possível.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/exam_flow.py" line="387"/>
        <source>This answer cannot be assessed.</source>
        <translation>Esta resposta não pode ser avaliada.</translation>
    </message>
</context>
<context>
    <name>ExamPage</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="70"/>
        <source>Your task</source>
        <translation>Sua tarefa</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_pages.py" line="72"/>
        <source>Speak</source>
        <translation>Fale</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="52"/>
        <source>Testing…</source>
        <translation>Testando…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="53"/>
        <source>Setup saved and in use.</source>
        <translation>Configuração salva e em uso.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="54"/>
        <source>Not installed here. To assess on this computer, install SpeakCheck with its offline pack (pip install &quot;speakcheck-desktop[offline]&quot;), then start it again.</source>
        <translation>Não está instalado aqui. Para avaliar neste computador, instale o SpeakCheck com o pacote offline (pip install &quot;speakcheck-desktop[offline]&quot;) e inicie-o de novo.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="522"/>
        <source>Set up SpeakCheck</source>
        <translation>Configurar o SpeakCheck</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="534"/>
        <source>Skip</source>
        <translation>Pular</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="535"/>
        <source>Skip setup</source>
        <translation>Pular a configuração</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="538"/>
        <source>Skip this step</source>
        <translation>Pular esta etapa</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="539"/>
        <source>Skip setup: change nothing</source>
        <translation>Pular a configuração: não mudar nada</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="540"/>
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="540"/>
        <source>Next</source>
        <translation>Avançar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="541"/>
        <source>Finish: save and use this setup</source>
        <translation>Concluir: salvar e usar esta configuração</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="610"/>
        <source>Saving…</source>
        <translation>Salvando…</translation>
    </message>
</context>
<context>
    <name>FormatPicker</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="83"/>
        <source>2. Choose what to do</source>
        <translation>2. Escolha o que fazer</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="86"/>
        <source>Mock test: all three parts, as in a real speaking test</source>
        <translation>Simulado: as três partes, como em uma prova oral de verdade</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="87"/>
        <source>Quick practice: one task</source>
        <translation>Prática rápida: uma tarefa</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="88"/>
        <source>Practise one part:</source>
        <translation>Praticar uma parte:</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="90"/>
        <source>Part to practise</source>
        <translation>Parte para praticar</translation>
    </message>
</context>
<context>
    <name>HistoryDock</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="305"/>
        <source>History</source>
        <translation>Histórico</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="311"/>
        <source>Filter by level</source>
        <translation>Filtrar por nível</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="312"/>
        <source>All levels</source>
        <translation>Todos os níveis</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="316"/>
        <source>Filter by status</source>
        <translation>Filtrar por status</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="317"/>
        <source>Any status</source>
        <translation>Qualquer status</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="323"/>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="325"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="323"/>
        <source>Sessions from this day</source>
        <translation>Sessões a partir deste dia</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="324"/>
        <source>To</source>
        <translation>Até</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="324"/>
        <source>Sessions up to this day, included</source>
        <translation>Sessões até este dia, inclusive</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="325"/>
        <source>to</source>
        <translation>até</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="333"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="334"/>
        <source>Resume</source>
        <translation>Retomar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="335"/>
        <source>Retake a part</source>
        <translation>Refazer uma parte</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="336"/>
        <source>Retake a part of this test</source>
        <translation>Refazer uma parte desta prova</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="338"/>
        <source>Parts to retake</source>
        <translation>Partes para refazer</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="340"/>
        <source>Delete…</source>
        <translation>Excluir…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="341"/>
        <source>Save report…</source>
        <translation>Salvar relatório…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="342"/>
        <source>Save the score report of this session as a PDF</source>
        <translation>Salvar o relatório de resultados desta sessão em PDF</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="373"/>
        <source>Past sessions</source>
        <translation>Sessões anteriores</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="99"/>
        <source>waiting</source>
        <translation>aguardando</translation>
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
        <translation>1 pergunta</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="123"/>
        <source>{count} questions</source>
        <translation>{count} perguntas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="125"/>
        <source>{answered} of {questions} answered</source>
        <translation>{answered} de {questions} respondidas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="131"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="131"/>
        <source>Level</source>
        <translation>Nível</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="132"/>
        <source>Test</source>
        <translation>Prova</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/history_dock.py" line="132"/>
        <source>Status</source>
        <translation>Status</translation>
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
        <translation>SpeakCheck – prova oral</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="89"/>
        <source>Sync: starting…</source>
        <translation>Sincronização: iniciando…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="89"/>
        <source>Sync: off</source>
        <translation>Sincronização: desligada</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="90"/>
        <source>Nothing waiting.</source>
        <translation>Nada aguardando.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="96"/>
        <source>SpeakCheck speaking test</source>
        <translation>Prova oral SpeakCheck</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="100"/>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="103"/>
        <source>Operator menu (PIN)</source>
        <translation>Menu do operador (PIN)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="106"/>
        <source>Candidate</source>
        <translation>Candidato</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="170"/>
        <source>Preparing your task…</source>
        <translation>Preparando sua tarefa…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="192"/>
        <source>There is no mock test at {level} in this kiosk&apos;s task bank: ask the operator.</source>
        <translation>Não há simulado de nível {level} no banco de tarefas deste quiosque: fale com o operador.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="207"/>
        <source>Candidate {id}</source>
        <translation>Candidato {id}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="235"/>
        <source>The test could not start (see the message above). Press Begin to try again, or ask the operator.</source>
        <translation>Não foi possível iniciar a prova (veja a mensagem acima). Clique em Começar para tentar de novo ou fale com o operador.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="328"/>
        <source>{level} (set by the centre)</source>
        <translation>{level} (definido pelo centro)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/kiosk_window.py" line="368"/>
        <source>No operator PIN is set for this kiosk: set one with “speakcheck kiosk-pin”.</source>
        <translation>Este quiosque não tem PIN de operador: defina um com “speakcheck kiosk-pin”.</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="251"/>
        <source>Microphone level</source>
        <translation>Nível do microfone</translation>
    </message>
</context>
<context>
    <name>LevelPicker</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="56"/>
        <source>1. Choose your level</source>
        <translation>1. Escolha seu nível</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="61"/>
        <source>Level {level}</source>
        <translation>Nível {level}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="46"/>
        <source>SpeakCheck – CEFR speaking practice</source>
        <translation>SpeakCheck – prática oral QECR</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="62"/>
        <source>4. Speak</source>
        <translation>4. Fale</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="90"/>
        <source>Settings…</source>
        <translation>Configurações…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="94"/>
        <source>History</source>
        <translation>Histórico</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="95"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="100"/>
        <source>Progress</source>
        <translation>Progresso</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="102"/>
        <source>Your level, sub-scores and fluency over time (Ctrl+P)</source>
        <translation>Seu nível, suas notas parciais e sua fluência ao longo do tempo (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="106"/>
        <source>Review answers…</source>
        <translation>Revisar respostas…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="107"/>
        <source>For examiners: review the AI&apos;s results, mark answers, see the agreement</source>
        <translation>Para examinadores: revisar os resultados da IA, corrigir respostas, ver a concordância</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="113"/>
        <source>Set up SpeakCheck…</source>
        <translation>Configurar o SpeakCheck…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="114"/>
        <source>The microphone, how answers are assessed, and sync: three short steps</source>
        <translation>O microfone, como as respostas são avaliadas e a sincronização: três etapas curtas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="116"/>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="118"/>
        <source>Sync: starting…</source>
        <translation>Sincronização: iniciando…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="119"/>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="261"/>
        <source>AI: ready</source>
        <translation>IA: pronta</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="120"/>
        <source>Microphone: not checked</source>
        <translation>Microfone: não verificado</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="159"/>
        <source>Sync: off</source>
        <translation>Sincronização: desligada</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="166"/>
        <source>none found</source>
        <translation>nenhum encontrado</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="197"/>
        <source>End the test</source>
        <translation>Encerrar a prova</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="198"/>
        <source>End the test now? {left} question(s) will stay unanswered, and an ended test cannot be resumed. The answers you gave are kept and assessed.</source>
        <translation>Encerrar a prova agora? {left} pergunta(s) ficarão sem resposta, e uma prova encerrada não pode ser retomada. As respostas que você deu são mantidas e avaliadas.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="223"/>
        <source>There is no mock test at {level} in the task bank.</source>
        <translation>Não há simulado de nível {level} no banco de tarefas.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="250"/>
        <source>AI: not set up</source>
        <translation>IA: não configurada</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="251"/>
        <source>Add your OpenAI API key or a compatible server in Settings, or install the offline pack; until then your answers are saved, and assessed later.</source>
        <translation>Adicione sua chave de API da OpenAI ou um servidor compatível em Configurações, ou instale o pacote offline; até lá suas respostas ficam salvas e são avaliadas depois.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="255"/>
        <source>AI: measuring only</source>
        <translation>IA: só medições</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="257"/>
        <source>{status}. Add your OpenAI API key or an evaluation server in Settings for levels; until then answers get their transcript, fluency and vocabulary, and their level later.</source>
        <translation>{status}. Adicione sua chave de API da OpenAI ou um servidor de avaliação em Configurações para ter níveis; até lá as respostas recebem transcrição, fluência e vocabulário, e o nível depois.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="266"/>
        <source>Microphone: {name}</source>
        <translation>Microfone: {name}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="346"/>
        <source>Your overall result is ready: {level}.</source>
        <translation>Seu resultado geral está pronto: {level}.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="347"/>
        <source>Your test is assessed: see the result.</source>
        <translation>Sua prova foi avaliada: veja o resultado.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="361"/>
        <source>Finish the test first: the setup tests the microphone.</source>
        <translation>Termine a prova primeiro: a configuração testa o microfone.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="394"/>
        <source>Finish the current test before retaking a part.</source>
        <translation>Termine a prova atual antes de refazer uma parte.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="412"/>
        <source>The recording is here: click a tip to hear that part.</source>
        <translation>A gravação chegou: clique em uma dica para ouvir esse trecho.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="421"/>
        <source>Fetching the recording from MongoDB… {percent} %</source>
        <translation>Baixando a gravação do MongoDB… {percent} %</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="426"/>
        <source>Finish the current test before resuming another one.</source>
        <translation>Termine a prova atual antes de retomar outra.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="439"/>
        <source>Save report</source>
        <translation>Salvar relatório</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="440"/>
        <source>PDF files (*.pdf)</source>
        <translation>Arquivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="444"/>
        <source>Making the report…</source>
        <translation>Gerando o relatório…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="450"/>
        <source>Delete session</source>
        <translation>Excluir sessão</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="451"/>
        <source>Delete the {level} session of {when}, its recordings and results? This cannot be undone.</source>
        <translation>Excluir a sessão de nível {level} de {when}, com suas gravações e resultados? Isso não pode ser desfeito.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/main_window.py" line="457"/>
        <source>Test finished. Choose a level and start another when you are ready.</source>
        <translation>Prova terminada. Escolha um nível e comece outra quando estiver pronto.</translation>
    </message>
</context>
<context>
    <name>MicrophonePage</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="117"/>
        <source>Your microphone</source>
        <translation>Seu microfone</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="118"/>
        <source>Choose the microphone you will answer with, then record {seconds} seconds as you would speak in a test. You hear them back and read whether the level is right.</source>
        <translation>Escolha o microfone com que você vai responder e grave {seconds} segundos falando como em uma prova. Você os ouve de novo e vê se o nível está certo.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="125"/>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="142"/>
        <source>Microphone</source>
        <translation>Microfone</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="126"/>
        <source>System default</source>
        <translation>Padrão do sistema</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="127"/>
        <source>●  Record {seconds} seconds</source>
        <translation>●  Gravar {seconds} segundos</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="128"/>
        <source>Record {seconds} seconds and play them back</source>
        <translation>Gravar {seconds} segundos e reproduzi-los</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="132"/>
        <source>Time left</source>
        <translation>Tempo restante</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="134"/>
        <source>No recording yet</source>
        <translation>Nenhuma gravação ainda</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="135"/>
        <source>Microphone verdict</source>
        <translation>Veredito do microfone</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="139"/>
        <source>Microphone test progress</source>
        <translation>Andamento do teste do microfone</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="149"/>
        <source>Level:</source>
        <translation>Nível:</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="183"/>
        <source>An answer is being recorded: finish it, then test the microphone here.</source>
        <translation>Uma resposta está sendo gravada: termine-a e depois teste o microfone aqui.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="188"/>
        <source>Starting the microphone…</source>
        <translation>Iniciando o microfone…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="192"/>
        <source>Recording from {name}: speak as you would in a test…</source>
        <translation>Gravando de {name}: fale como falaria em uma prova…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="200"/>
        <source>{seconds} s left</source>
        <translation>faltam {seconds} s</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="205"/>
        <source>Level: {words} ({decibels} dB)</source>
        <translation>Nível: {words} ({decibels} dB)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="217"/>
        <source>Last test: {verdict}</source>
        <translation>Último teste: {verdict}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="218"/>
        <source>Playing it back…</source>
        <translation>Reproduzindo…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="221"/>
        <source>Played back; the test recording is deleted.</source>
        <translation>Reproduzido; a gravação de teste foi excluída.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="231"/>
        <source>●  Record again</source>
        <translation>●  Gravar de novo</translation>
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
        <translation>Este quiosque</translation>
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
        <translation>Nível para os próximos candidatos</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="112"/>
        <source>Fixed by the centre&apos;s kiosk settings</source>
        <translation>Definido pelas configurações de quiosque do centro</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="113"/>
        <source>Level</source>
        <translation>Nível</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="122"/>
        <source>Allow one more attempt at this task</source>
        <translation>Permitir mais uma tentativa nesta tarefa</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="123"/>
        <source>End this candidate&apos;s test now</source>
        <translation>Encerrar agora a prova deste candidato</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="126"/>
        <source>Wait until the recording stops: the answer is kept.</source>
        <translation>Espere a gravação parar: a resposta é mantida.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="127"/>
        <source>Review answers…</source>
        <translation>Revisar respostas…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="128"/>
        <source>For examiners: results held for review, marking, agreement</source>
        <translation>Para examinadores: resultados retidos para revisão, correção, concordância</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="129"/>
        <source>Settings…</source>
        <translation>Configurações…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="130"/>
        <source>Exit kiosk</source>
        <translation>Sair do quiosque</translation>
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
        <translation>PIN do operador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/operator_dialog.py" line="73"/>
        <source>Too many wrong PINs. Try again in {seconds} s.</source>
        <translation>PINs errados demais. Tente de novo em {seconds} s.</translation>
    </message>
</context>
<context>
    <name>ProgressChartView</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="99"/>
        <source>Progress chart</source>
        <translation>Gráfico de progresso</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="108"/>
        <source>Use the left and right arrow keys to go through the points.</source>
        <translation>Use as setas para a esquerda e para a direita para percorrer os pontos.</translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="47"/>
        <source>Loading your progress…</source>
        <translation>Carregando seu progresso…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="48"/>
        <source>Everyone on this computer</source>
        <translation>Todas as pessoas deste computador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="49"/>
        <source>Level</source>
        <translation>Nível</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="50"/>
        <source>Fluency score</source>
        <translation>Nota de fluência</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="51"/>
        <source>Accuracy score</source>
        <translation>Nota de precisão</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="52"/>
        <source>Grammar score</source>
        <translation>Nota de gramática</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="53"/>
        <source>Vocabulary score</source>
        <translation>Nota de vocabulário</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="54"/>
        <source>Coherence score</source>
        <translation>Nota de coerência</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="55"/>
        <source>Speech rate</source>
        <translation>Velocidade de fala</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="56"/>
        <source>Pauses</source>
        <translation>Pausas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="57"/>
        <source>Mean length of run</source>
        <translation>Comprimento médio dos trechos</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="58"/>
        <source>Words at B2 or above</source>
        <translation>Palavras de nível B2 ou acima</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="59"/>
        <source>words a minute</source>
        <translation>palavras por minuto</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="60"/>
        <source>a minute</source>
        <translation>por minuto</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="61"/>
        <source>words between pauses</source>
        <translation>palavras entre pausas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="62"/>
        <source>% of known words</source>
        <translation>% das palavras conhecidas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="63"/>
        <source>All answers</source>
        <translation>Todas as respostas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="64"/>
        <source>By format</source>
        <translation>Por formato</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="65"/>
        <source>By task kind</source>
        <translation>Por tipo de tarefa</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="66"/>
        <source>one point a day</source>
        <translation>um ponto por dia</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="67"/>
        <source>one point a week</source>
        <translation>um ponto por semana</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="68"/>
        <source>one point a month</source>
        <translation>um ponto por mês</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="332"/>
        <source>Your progress</source>
        <translation>Seu progresso</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="345"/>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="346"/>
        <source>What the chart shows over time</source>
        <translation>O que o gráfico mostra ao longo do tempo</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="350"/>
        <source>Lines</source>
        <translation>Linhas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="351"/>
        <source>One line for all answers, or one per format or task kind</source>
        <translation>Uma linha para todas as respostas, ou uma por formato ou por tipo de tarefa</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="353"/>
        <source>Whose progress</source>
        <translation>Progresso de quem</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="355"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="355"/>
        <source>Answers from this day</source>
        <translation>Respostas a partir deste dia</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="356"/>
        <source>To</source>
        <translation>Até</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="356"/>
        <source>Answers up to this day, included</source>
        <translation>Respostas até este dia, inclusive</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="357"/>
        <source>All time</source>
        <translation>Todo o período</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="358"/>
        <source>Clear both dates</source>
        <translation>Limpar as duas datas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="360"/>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="360"/>
        <source>&amp;Lines:</source>
        <translation>&amp;Linhas:</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="361"/>
        <source>&amp;From:</source>
        <translation>&amp;De:</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="361"/>
        <source>&amp;To:</source>
        <translation>&amp;Até:</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="372"/>
        <source>Chosen point</source>
        <translation>Ponto escolhido</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="376"/>
        <source>Progress in words</source>
        <translation>O progresso em palavras</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="464"/>
        <source>{name} (1 session)</source>
        <translation>{name} (1 sessão)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/progress_view.py" line="464"/>
        <source>{name} ({sessions} sessions)</source>
        <translation>{name} ({sessions} sessões)</translation>
    </message>
</context>
<context>
    <name>RecorderPanel</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="281"/>
        <source>3. Speak</source>
        <translation>3. Fale</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="283"/>
        <source>Press “Start speaking test” when you are ready.</source>
        <translation>Clique em “Começar a prova oral” quando estiver pronto.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="295"/>
        <source>Microphone: default</source>
        <translation>Microfone: padrão</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="297"/>
        <source>Start speaking test</source>
        <translation>Começar a prova oral</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="299"/>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="339"/>
        <source>●  Record now</source>
        <translation>●  Gravar agora</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="300"/>
        <source>Start recording (Space)</source>
        <translation>Começar a gravar (Espaço)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="301"/>
        <source>■  Stop</source>
        <translation>■  Parar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="302"/>
        <source>Stop recording (Space)</source>
        <translation>Parar a gravação (Espaço)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="303"/>
        <source>Next question  ▸</source>
        <translation>Próxima pergunta  ▸</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="304"/>
        <source>Go on to the next question; your answer is kept (Enter)</source>
        <translation>Ir para a próxima pergunta; sua resposta é mantida (Enter)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="305"/>
        <source>Finish test</source>
        <translation>Terminar a prova</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="306"/>
        <source>End test here</source>
        <translation>Encerrar aqui</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="307"/>
        <source>End the test now: the answers you gave are kept and assessed</source>
        <translation>Encerrar a prova agora: as respostas que você deu são mantidas e avaliadas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="309"/>
        <source>Finish the test (Enter)</source>
        <translation>Terminar a prova (Enter)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="340"/>
        <source>●  Record again</source>
        <translation>●  Gravar de novo</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="376"/>
        <source>Microphone: {name}</source>
        <translation>Microfone: {name}</translation>
    </message>
</context>
<context>
    <name>ReviewWorkspace</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="56"/>
        <source>Recorded</source>
        <translation>Gravada em</translation>
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
        <translation>Nível</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="57"/>
        <source>AI result</source>
        <translation>Resultado da IA</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="58"/>
        <source>Confidence</source>
        <translation>Confiança</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="58"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="67"/>
        <source>Review answers</source>
        <translation>Revisar respostas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="78"/>
        <source>Your name</source>
        <translation>Seu nome</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="79"/>
        <source>Examiner&apos;s name</source>
        <translation>Nome do examinador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="81"/>
        <source>First marking</source>
        <translation>Primeira correção</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="82"/>
        <source>Second marking (blind)</source>
        <translation>Segunda correção (às cegas)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="83"/>
        <source>Marking</source>
        <translation>Correção</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="85"/>
        <source>All levels</source>
        <translation>Todos os níveis</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="88"/>
        <source>Level filter</source>
        <translation>Filtro de nível</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="90"/>
        <source>Any centre</source>
        <translation>Qualquer centro</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="91"/>
        <source>Centre filter</source>
        <translation>Filtro de centro</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="92"/>
        <source>Only sessions from</source>
        <translation>Só sessões de</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="96"/>
        <source>From date</source>
        <translation>Data inicial</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="96"/>
        <source>To date</source>
        <translation>Data final</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="100"/>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="101"/>
        <source>Fetch from MongoDB</source>
        <translation>Buscar no MongoDB</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="102"/>
        <source>Copy the centre&apos;s finished sessions (the centre and dates chosen) here to review them</source>
        <translation>Copiar para cá as sessões concluídas do centro (o centro e as datas escolhidos) para revisá-las</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="105"/>
        <source>Examiner</source>
        <translation>Examinador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="106"/>
        <source>to</source>
        <translation>até</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="116"/>
        <source>Answers to review</source>
        <translation>Respostas para revisar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="123"/>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="291"/>
        <source>Choose an answer from the list.</source>
        <translation>Escolha uma resposta da lista.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="126"/>
        <source>▶  Play the answer</source>
        <translation>▶  Ouvir a resposta</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="131"/>
        <source>Accept the AI&apos;s evaluation</source>
        <translation>Aceitar a avaliação da IA</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="134"/>
        <source>Your level</source>
        <translation>Seu nível</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="136"/>
        <source>Your rating</source>
        <translation>Sua avaliação</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="150"/>
        <source>Your {aspect} score</source>
        <translation>Sua nota de {aspect}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="155"/>
        <source>Why you give this result (kept with the review)</source>
        <translation>Por que você dá este resultado (guardado com a revisão)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="156"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="158"/>
        <source>Save my rating</source>
        <translation>Salvar minha avaliação</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="184"/>
        <source>Agreement with the examiners</source>
        <translation>Concordância com os examinadores</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="185"/>
        <source>Agreement of the AI with the examiners, on the answers reviewed here.</source>
        <translation>Concordância da IA com os examinadores, nas respostas revisadas aqui.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="187"/>
        <source>Compute agreement</source>
        <translation>Calcular a concordância</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="188"/>
        <source>Agreement on this centre&apos;s reviewed answers</source>
        <translation>Concordância nas respostas revisadas deste centro</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="234"/>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="239"/>
        <source>Fetching from MongoDB…</source>
        <translation>Buscando no MongoDB…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="257"/>
        <source>hidden</source>
        <translation>oculto</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="259"/>
        <source>held: under review</source>
        <translation>retido: em revisão</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="263"/>
        <source>Nothing to review.</source>
        <translation>Nada para revisar.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="265"/>
        <source>1 answer to review.</source>
        <translation>1 resposta para revisar.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="266"/>
        <source>{count} answers to review.</source>
        <translation>{count} respostas para revisar.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="281"/>
        <source>That answer is no longer in this computer&apos;s store.</source>
        <translation>Essa resposta não está mais no armazenamento deste computador.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="344"/>
        <source>Saved. {review}</source>
        <translation>Salvo. {review}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/review_workspace.py" line="349"/>
        <source>No answer has been rated by an examiner yet.</source>
        <translation>Nenhuma resposta foi avaliada por um examinador ainda.</translation>
    </message>
</context>
<context>
    <name>ScoreChart</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="389"/>
        <source>Sub-scores chart</source>
        <translation>Gráfico das notas parciais</translation>
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
        <translation>Dicas (clique em uma com tempo para ouvir esse trecho):</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="30"/>
        <source>An estimate from a CEFR word list (cefrpy): each word counts at the level learners usually meet it, whatever how it was used.</source>
        <translation>Uma estimativa a partir de uma lista de palavras do QECR (cefrpy): cada palavra conta no nível em que os alunos costumam aprendê-la, seja qual for o uso.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="105"/>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="158"/>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="228"/>
        <source>Assessment</source>
        <translation>Avaliação</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="109"/>
        <source>Overall level</source>
        <translation>Nível geral</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="120"/>
        <source>Stop waiting</source>
        <translation>Parar de esperar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="121"/>
        <source>Stop the transcription under way; your answer is kept and assessed later</source>
        <translation>Parar a transcrição em andamento; sua resposta é mantida e avaliada depois</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="124"/>
        <source>◂  The whole test</source>
        <translation>◂  A prova inteira</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="125"/>
        <source>Back to the overall result and every question</source>
        <translation>Voltar ao resultado geral e a todas as perguntas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="132"/>
        <source>Tips</source>
        <translation>Dicas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="137"/>
        <source>Fluency, measured from your recording</source>
        <translation>Fluência, medida a partir da sua gravação</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="140"/>
        <source>Vocabulary, a word-list estimate</source>
        <translation>Vocabulário, uma estimativa por lista de palavras</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="185"/>
        <source>Assessment · {test}</source>
        <translation>Avaliação · {test}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="186"/>
        <source>Questions (click one to see its answer):</source>
        <translation>Perguntas (clique em uma para ver a resposta):</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="187"/>
        <source>Questions:</source>
        <translation>Perguntas:</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="191"/>
        <source>Overall level · confidence {confidence}</source>
        <translation>Nível geral · confiança {confidence}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="196"/>
        <source>Your answers seem below A2, the lowest level this test measures.</source>
        <translation>Suas respostas parecem estar abaixo de A2, o nível mais baixo que esta prova mede.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="201"/>
        <source>Not enough evidence for an overall level.</source>
        <translation>Dados insuficientes para um nível geral.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="204"/>
        <source>Test under way: {answered} of {questions} questions answered. The overall result comes when the test is finished and every answer assessed.</source>
        <translation>Prova em andamento: {answered} de {questions} perguntas respondidas. O resultado geral vem quando a prova termina e todas as respostas são avaliadas.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="208"/>
        <source>{waiting} answer(s) still to be assessed: the overall result comes then.</source>
        <translation>{waiting} resposta(s) ainda por avaliar: o resultado geral vem depois.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="217"/>
        <source>Task</source>
        <translation>Tarefa</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="221"/>
        <source>Show the answer to {part}, question {number}</source>
        <translation>Mostrar a resposta de {part}, pergunta {number}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="222"/>
        <source>the task</source>
        <translation>a tarefa</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="237"/>
        <source>The AI&apos;s evaluation: {level}.</source>
        <translation>A avaliação da IA: {level}.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="239"/>
        <source>Examiner&apos;s result</source>
        <translation>Resultado do examinador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="245"/>
        <source>The recording&apos;s audio is gone.</source>
        <translation>O áudio da gravação não existe mais.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="254"/>
        <source>Blind marking: the AI&apos;s and the first examiner&apos;s results are hidden.</source>
        <translation>Correção às cegas: os resultados da IA e do primeiro examinador estão ocultos.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="267"/>
        <source>The level comes with the AI evaluation</source>
        <translation>O nível vem com a avaliação da IA</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="268"/>
        <source>Level to come</source>
        <translation>Nível a caminho</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="277"/>
        <source>Confidence {confidence}</source>
        <translation>Confiança {confidence}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="278"/>
        <source>Your answer seems below A2, the lowest level this test measures.</source>
        <translation>Sua resposta parece estar abaixo de A2, o nível mais baixo que esta prova mede.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="279"/>
        <source>Your answer seems above C1, the highest level this test measures.</source>
        <translation>Sua resposta parece estar acima de C1, o nível mais alto que esta prova mede.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="292"/>
        <source>{start}–{end} s</source>
        <translation>{start}–{end} s</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="304"/>
        <source>Not enough evidence to score.</source>
        <translation>Dados insuficientes para dar nota.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="304"/>
        <source>What to do:</source>
        <translation>O que fazer:</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="318"/>
        <source>Words at B2 and above</source>
        <translation>Palavras de nível B2 ou acima</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="321"/>
        <source>By level</source>
        <translation>Por nível</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="323"/>
        <source>from {words} words on</source>
        <translation>a partir de {words} palavras</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="324"/>
        <source>Diversity (MTLD)</source>
        <translation>Diversidade (MTLD)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="326"/>
        <source>The list knows {known} of the {words} words of this answer.</source>
        <translation>A lista conhece {known} das {words} palavras desta resposta.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="333"/>
        <source>{value} s</source>
        <translation>{value} s</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="333"/>
        <source>{value} words/min</source>
        <translation>{value} palavras/min</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="334"/>
        <source>Speaking time</source>
        <translation>Tempo de fala</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="334"/>
        <source>Words</source>
        <translation>Palavras</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="335"/>
        <source>Speech rate</source>
        <translation>Velocidade de fala</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="336"/>
        <source>Articulation rate</source>
        <translation>Velocidade de articulação</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="337"/>
        <source>Pauses</source>
        <translation>Pausas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="338"/>
        <source>Longest pause</source>
        <translation>Pausa mais longa</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="339"/>
        <source>Words between pauses</source>
        <translation>Palavras entre pausas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="340"/>
        <source>Different words</source>
        <translation>Palavras diferentes</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="341"/>
        <source>Filled pauses (um, uh)</source>
        <translation>Pausas preenchidas (hum, éé)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="49"/>
        <source>Automatic: a server if set, else OpenAI with a key, else this computer</source>
        <translation>Automático: um servidor se houver, senão a OpenAI com uma chave, senão este computador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="50"/>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="51"/>
        <source>A compatible server (the address below)</source>
        <translation>Um servidor compatível (o endereço abaixo)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="52"/>
        <source>On this computer (offline pack)</source>
        <translation>Neste computador (pacote offline)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="53"/>
        <source>tiny.en: English only, fastest</source>
        <translation>tiny.en: só inglês, o mais rápido</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="54"/>
        <source>base: multilingual, tells the language, slower</source>
        <translation>base: multilíngue, reconhece o idioma, mais lento</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="72"/>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="79"/>
        <source>AI services (OpenAI, or any OpenAI-compatible server)</source>
        <translation>Serviços de IA (OpenAI ou qualquer servidor compatível com a OpenAI)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="83"/>
        <source>OpenAI API key</source>
        <translation>Chave de API da OpenAI</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="85"/>
        <source>set by OPENAI_API_KEY</source>
        <translation>definida por OPENAI_API_KEY</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="88"/>
        <source>•••• saved in the system keyring</source>
        <translation>•••• salva no chaveiro do sistema</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="89"/>
        <source>sk-… (kept in the system keyring, never in a file)</source>
        <translation>sk-… (guardada no chaveiro do sistema, nunca em um arquivo)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="90"/>
        <source>API key</source>
        <translation>Chave de API</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="91"/>
        <source>Transcribe answers</source>
        <translation>Transcrever as respostas</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="93"/>
        <source>Offline model</source>
        <translation>Modelo offline</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="95"/>
        <source>empty: OpenAI</source>
        <translation>vazio: OpenAI</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="96"/>
        <source>Transcription server</source>
        <translation>Servidor de transcrição</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="98"/>
        <source>Transcription model</source>
        <translation>Modelo de transcrição</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="99"/>
        <source>Evaluation server</source>
        <translation>Servidor de avaliação</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="100"/>
        <source>Evaluation model</source>
        <translation>Modelo de avaliação</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="102"/>
        <source>MongoDB (optional: everything is kept on this computer first)</source>
        <translation>MongoDB (opcional: tudo fica primeiro neste computador)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="107"/>
        <source>Connection string</source>
        <translation>String de conexão</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="109"/>
        <source>The password is hidden; leave the dots to keep it, or type a new one in their place</source>
        <translation>A senha está oculta; deixe os pontos para mantê-la ou digite uma nova no lugar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="111"/>
        <source>Database</source>
        <translation>Banco de dados</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="113"/>
        <source>Test connection</source>
        <translation>Testar a conexão</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="121"/>
        <source>You (optional)</source>
        <translation>Você (opcional)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="124"/>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="130"/>
        <source>Microphone</source>
        <translation>Microfone</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="125"/>
        <source>System default</source>
        <translation>Padrão do sistema</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="131"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="132"/>
        <source>Email</source>
        <translation>E-mail</translation>
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
        <translation>Sistema: o idioma configurado neste computador, se o SpeakCheck o falar; senão, inglês</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="138"/>
        <source>A new language is used from the next start of SpeakCheck.</source>
        <translation>Um novo idioma é usado a partir da próxima vez que o SpeakCheck for iniciado.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="142"/>
        <source>Saved changes apply at once: answers waiting for an AI service are assessed with the new one, and the sync uses the new database.</source>
        <translation>As alterações salvas valem na hora: as respostas que aguardam um serviço de IA são avaliadas com o novo, e a sincronização usa o novo banco de dados.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="159"/>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="174"/>
        <source>Set by the environment variable {env}</source>
        <translation>Definido pela variável de ambiente {env}</translation>
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
        <translation>Testando…</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="244"/>
        <source>Sync is switched off.</source>
        <translation>A sincronização está desligada.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="257"/>
        <source>Settings saved and in use.</source>
        <translation>Configurações salvas e em uso.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="418"/>
        <source>Sync to MongoDB (optional)</source>
        <translation>Sincronizar com o MongoDB (opcional)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="419"/>
        <source>Every answer is kept on this computer first. With a MongoDB, a test centre&apos;s or your own, a copy of everything goes there too, as soon as it can be reached.</source>
        <translation>Cada resposta fica primeiro neste computador. Com um MongoDB, de um centro de provas ou seu, uma cópia de tudo vai para lá também, assim que ele puder ser alcançado.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="421"/>
        <source>Now: MongoDB at {uri}, database {database}.</source>
        <translation>Agora: MongoDB em {uri}, banco de dados {database}.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="424"/>
        <source>Now: the default, a MongoDB on this computer ({uri}), database {database}. If none runs here, everything simply stays here.</source>
        <translation>Agora: o padrão, um MongoDB neste computador ({uri}), banco de dados {database}. Se nenhum estiver rodando aqui, tudo simplesmente fica aqui.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="428"/>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="429"/>
        <source>Keep everything on this computer</source>
        <translation>Manter tudo neste computador</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="430"/>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="431"/>
        <source>Sync to MongoDB</source>
        <translation>Sincronizar com o MongoDB</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="437"/>
        <source>MongoDB connection string</source>
        <translation>String de conexão do MongoDB</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="439"/>
        <source>MongoDB database</source>
        <translation>Banco de dados do MongoDB</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="441"/>
        <source>Connection string</source>
        <translation>String de conexão</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="442"/>
        <source>Database</source>
        <translation>Banco de dados</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="445"/>
        <source>Set by the environment variable {env}</source>
        <translation>Definido pela variável de ambiente {env}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="446"/>
        <source>{label} (from {env})</source>
        <translation>{label} (de {env})</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="448"/>
        <source>Test connection</source>
        <translation>Testar a conexão</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="449"/>
        <source>Test the MongoDB connection</source>
        <translation>Testar a conexão com o MongoDB</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="450"/>
        <source>MongoDB test result</source>
        <translation>Resultado do teste do MongoDB</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="456"/>
        <source>Saving the setup</source>
        <translation>Salvando a configuração</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="487"/>
        <source>Sync is switched off in this app, so there is nothing to test.</source>
        <translation>A sincronização está desligada neste aplicativo, então não há nada para testar.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/first_run.py" line="495"/>
        <source>Enter the connection string, or choose to keep everything on this computer.</source>
        <translation>Digite a string de conexão ou escolha manter tudo neste computador.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="226"/>
        <source>Sync: up to date</source>
        <translation>Sincronização: em dia</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="227"/>
        <source>Sync: nothing to send yet</source>
        <translation>Sincronização: nada para enviar ainda</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="229"/>
        <source>Sync: {pending} waiting</source>
        <translation>Sincronização: {pending} aguardando</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="231"/>
        <source>Sync: offline, {pending} waiting (kept on this computer)</source>
        <translation>Sincronização: offline, {pending} aguardando (guardado neste computador)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/settings_dialog.py" line="233"/>
        <source>Sync: needs attention</source>
        <translation>Sincronização: precisa de atenção</translation>
    </message>
</context>
<context>
    <name>TaskCard</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="132"/>
        <source>3. Your task</source>
        <translation>3. Sua tarefa</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="144"/>
        <source>Choose a level to get a task.</source>
        <translation>Escolha um nível para receber uma tarefa.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="151"/>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="176"/>
        <source>Another task</source>
        <translation>Outra tarefa</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="152"/>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="177"/>
        <source>A different task at this level (before you start)</source>
        <translation>Uma tarefa diferente deste nível (antes de começar)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="180"/>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="212"/>
        <source>Preparation {prep} s · Speaking up to {speak} s</source>
        <translation>Preparação {prep} s · Fala de até {speak} s</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="187"/>
        <source>Another test</source>
        <translation>Outra prova</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="188"/>
        <source>A different mock test at this level (before you start)</source>
        <translation>Um simulado diferente deste nível (antes de começar)</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="193"/>
        <source>{questions} questions in 1 part: {parts}. Each part starts with a sentence that says what happens in it; the questions come one after another, each with its own preparation and speaking time.</source>
        <translation>{questions} perguntas em 1 parte: {parts}. Cada parte começa com uma frase que diz o que acontece nela; as perguntas vêm uma após a outra, cada uma com seu próprio tempo de preparação e de fala.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="196"/>
        <source>{questions} questions in {count} parts: {parts}. Each part starts with a sentence that says what happens in it; the questions come one after another, each with its own preparation and speaking time.</source>
        <translation>{questions} perguntas em {count} partes: {parts}. Cada parte começa com uma frase que diz o que acontece nela; as perguntas vêm uma após a outra, cada uma com seu próprio tempo de preparação e de fala.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="201"/>
        <source>About {minutes} minutes in all</source>
        <translation>Cerca de {minutes} minutos no total</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="213"/>
        <source>No preparation · Speaking up to {speak} s</source>
        <translation>Sem preparação · Fala de até {speak} s</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/widgets.py" line="227"/>
        <source>Points to cover:</source>
        <translation>Pontos a abordar:</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="25"/>
        <source>A2 – Elementary: short, simple talk about familiar, everyday things.</source>
        <translation>A2 – Básico: fala curta e simples sobre coisas familiares do dia a dia.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="26"/>
        <source>B1 – Intermediate: connected talk about familiar topics, experiences and plans.</source>
        <translation>B1 – Intermediário: fala encadeada sobre temas familiares, experiências e planos.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="28"/>
        <source>B2 – Upper intermediate: clear, detailed talk and arguments on a wide range of topics.</source>
        <translation>B2 – Intermediário superior: fala clara e detalhada, com argumentos, sobre muitos temas.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="30"/>
        <source>C1 – Advanced: fluent, well-organised talk on complex subjects, with nuance.</source>
        <translation>C1 – Avançado: fala fluente e bem organizada sobre assuntos complexos, com nuances.</translation>
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
        <translation>Discussão</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="37"/>
        <source>the interview</source>
        <translation>a entrevista</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="38"/>
        <source>the long turn</source>
        <translation>o monólogo</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="39"/>
        <source>the discussion</source>
        <translation>a discussão</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="42"/>
        <source>Interview practice · {title}</source>
        <translation>Prática de entrevista · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="43"/>
        <source>Long turn practice · {title}</source>
        <translation>Prática de monólogo · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="44"/>
        <source>Discussion practice · {title}</source>
        <translation>Prática de discussão · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="45"/>
        <source>Part practice · {title}</source>
        <translation>Prática de uma parte · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="46"/>
        <source>Interview retake · {title}</source>
        <translation>Refação da entrevista · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="47"/>
        <source>Long turn retake · {title}</source>
        <translation>Refação do monólogo · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="48"/>
        <source>Discussion retake · {title}</source>
        <translation>Refação da discussão · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="49"/>
        <source>Part retake · {title}</source>
        <translation>Refação de uma parte · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="50"/>
        <source>active</source>
        <translation>em andamento</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="51"/>
        <source>completed</source>
        <translation>concluída</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="52"/>
        <source>abandoned</source>
        <translation>abandonada</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="53"/>
        <source>Active</source>
        <translation>Em andamento</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="54"/>
        <source>Completed</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="55"/>
        <source>Abandoned</source>
        <translation>Abandonada</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="56"/>
        <source>not enough evidence</source>
        <translation>dados insuficientes</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="57"/>
        <source>waiting</source>
        <translation>aguardando</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="58"/>
        <source>cannot be assessed</source>
        <translation>não pode ser avaliada</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="59"/>
        <source>not answered</source>
        <translation>sem resposta</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="60"/>
        <source>Fluency</source>
        <translation>Fluência</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="60"/>
        <source>Accuracy</source>
        <translation>Precisão</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="61"/>
        <source>Grammar</source>
        <translation>Gramática</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="62"/>
        <source>Vocabulary</source>
        <translation>Vocabulário</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="63"/>
        <source>Coherence</source>
        <translation>Coerência</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="65"/>
        <source>Describe</source>
        <translation>Descrever</translation>
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
        <translation>Opinião</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="67"/>
        <source>Argue</source>
        <translation>Argumentar</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="68"/>
        <source>A practice estimate, not an official certificate.</source>
        <translation>Uma estimativa para prática, não um certificado oficial.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="69"/>
        <source>under review</source>
        <translation>em revisão</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="124"/>
        <source>Mock test · {title}</source>
        <translation>Simulado · {title}</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/texts.py" line="128"/>
        <source>Quick practice</source>
        <translation>Prática rápida</translation>
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
        <translation>Parte {part} de {parts} · pergunta {number} de {of}</translation>
    </message>
</context>
<context>
    <name>TranscriptPane</name>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="37"/>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="40"/>
        <source>Transcript</source>
        <translation>Transcrição</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="41"/>
        <source>Your answer will appear here after recording.</source>
        <translation>Sua resposta vai aparecer aqui depois da gravação.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="56"/>
        <source>no transcript yet</source>
        <translation>ainda sem transcrição</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="66"/>
        <source>This answer cannot be assessed.</source>
        <translation>Esta resposta não pode ser avaliada.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="68"/>
        <source>Nothing was recorded.</source>
        <translation>Nada foi gravado.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="70"/>
        <source>No transcript yet.</source>
        <translation>Ainda sem transcrição.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="80"/>
        <source>{count} long pause(s) in the recording.</source>
        <translation>{count} pausa(s) longa(s) na gravação.</translation>
    </message>
    <message>
        <location filename="../../speakcheck_desktop/ui/result_panes.py" line="91"/>
        <source>[pause {seconds} s]</source>
        <translation>[pausa de {seconds} s]</translation>
    </message>
</context>
</TS>
