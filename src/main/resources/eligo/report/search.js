(function(){
  var q=document.getElementById('q'),ul=document.getElementById('results'),hits=document.getElementById('hits');
  function run(){
    var s=q.value.toLowerCase();
    while(ul.firstChild)ul.removeChild(ul.firstChild);
    hits.textContent='';
    if(!s)return;
    var n=0;
    for(var k=0;k<ELIGO_CUSTOMERS.length;k++){
      var r=ELIGO_CUSTOMERS[k];
      if(r[0].toLowerCase().indexOf(s)<0&&r[1].toLowerCase().indexOf(s)<0)continue;
      n++;
      if(n>100)continue;
      var li=document.createElement('li'),a=document.createElement('a');
      a.href='c/'+r[3];
      a.textContent=r[0];
      li.appendChild(a);
      li.appendChild(document.createTextNode(' '+r[1]+' ('+r[2]+')'));
      ul.appendChild(li);
    }
    hits.textContent=n+' found'+(n>100?', first 100 shown':'');
  }
  q.addEventListener('input',run);
  if(location.hash.indexOf('#q=')===0){
    q.value=decodeURIComponent(location.hash.substring(3));
    run();
  }
})();
